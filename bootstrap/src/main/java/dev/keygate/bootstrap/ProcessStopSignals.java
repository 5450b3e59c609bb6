package dev.keygate.bootstrap;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT stop the server before the JVM begins to shut down: shutdown hooks run all at
 * once, and H2's own hook would close the database while the server still writes the last usage
 * counts. The server then ends normally; a shutdown hook remains for any other way out.
 */
final class ProcessStopSignals implements StopSignals {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessStopSignals.class);

  @Override
  public void onStop(Runnable stop) {
    for (String signal : List.of("TERM", "INT")) {
      handle(signal, stop);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "keygate-shutdown"));
  }

  /**
   * Handles a signal through {@code sun.misc.Signal} (module jdk.unsupported, in every JDK 17),
   * reached reflectively because javac warns on each direct use and the warning cannot be
   * suppressed.
   */
  private static void handle(String name, Runnable stop) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      InvocationHandler onSignal =
          (proxy, method, args) -> {
            switch (method.getName()) {
              case "handle":
                stop.run();
                return null;
              case "equals":
                return proxy == args[0];
              case "hashCode":
                return System.identityHashCode(proxy);
              default:
                return "keygate stop on SIG" + name;
            }
          };
      Object onSignalHandler =
          Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, onSignal);
      signal
          .getMethod("handle", signal, handler)
          .invoke(null, signal.getConstructor(String.class).newInstance(name), onSignalHandler);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.warn("SIG{} stops Keygate through the shutdown hook only: {}", name, e.toString());
    }
  }
}
