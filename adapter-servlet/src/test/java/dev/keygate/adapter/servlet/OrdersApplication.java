package dev.keygate.adapter.servlet;

import dev.keygate.bootstrap.Keygate;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/** The README's servlet example, verbatim between the markers; KeygateFilterTest runs it. */
// README:start
public final class OrdersApplication implements ServletContainerInitializer {

  private final Keygate keygate;

  public OrdersApplication(Keygate keygate) {
    this.keygate = keygate;
  }

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    KeygateFilter keys =
        KeygateFilter.of(keygate.useCases().verifyApiKey(), keygate.operator())
            .requiring("read:orders");
    context
        .addFilter("keygate", keys)
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/orders/*");
    context.addServlet("orders", new OrdersServlet()).addMapping("/orders/*");
  }

  static final class OrdersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      VerifiedKey key = KeygateFilter.verifiedKey(request);
      response.getWriter().write("orders of " + key.owner().id());
    }
  }
}
// README:end
