package dev.keygate.adapter.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A management endpoint as the running server routes it, with the declaration that documents it.
 *
 * @param method such as {@code GET}
 * @param template the path as routed, such as {@code /api/v1/api_keys/{key_id}}
 * @param route the declaration the handler was registered from
 */
record ManagementEndpoint(String method, String template, Route route) {

  /**
   * Every endpoint under {@code /api/v1} behind the management key, in Javalin's own router, in
   * path and method order. A route served without a declaration fails: it could be neither
   * documented nor tested from it.
   */
  static List<ManagementEndpoint> servedBy(RestFixture rest) {
    Map<String, Route> declared = new HashMap<>();
    rest.groups.forEach(
        group ->
            group
                .routes()
                .forEach(route -> declared.put(name(route.method().name(), route.path()), route)));
    List<ManagementEndpoint> endpoints = new ArrayList<>();
    for (var handler : rest.server().unsafe.internalRouter.allHttpHandlers()) {
      io.javalin.router.Endpoint endpoint = handler.endpoint;
      if (!endpoint.method.isHttpMethod()
          || !endpoint.path.startsWith(Route.MANAGEMENT_API + "/")) {
        continue;
      }
      String name = name(endpoint.method.name(), endpoint.path);
      Route route = declared.get(name);
      if (route == null) {
        throw new AssertionError(name + " is served but declared by no route group");
      }
      if (!route.isManagement()) {
        // Open to callers without a management key (a scanner's signed report, a leaked token's
        // revocation): no bearer, no scope, no tenant; LeakRoutesTest holds them to their rules.
        continue;
      }
      endpoints.add(new ManagementEndpoint(endpoint.method.name(), endpoint.path, route));
    }
    endpoints.sort(
        Comparator.comparing(ManagementEndpoint::template)
            .thenComparing(ManagementEndpoint::method));
    return List.copyOf(endpoints);
  }

  private static String name(String method, String path) {
    return method + " " + path;
  }

  /** {@code METHOD /path/{template}}. */
  String name() {
    return name(method, template);
  }

  boolean takesBody() {
    return route.request().isPresent();
  }

  /** Whether a request of {@code otherMethod} for {@code path} reaches this endpoint. */
  boolean routes(String otherMethod, String path) {
    if (!method.equals(otherMethod)) {
      return false;
    }
    String[] wanted = template.split("/", -1);
    String[] given = path.split("/", -1);
    if (wanted.length != given.length) {
      return false;
    }
    for (int i = 0; i < wanted.length; i++) {
      boolean parameter = wanted[i].startsWith("{") && wanted[i].endsWith("}");
      if (parameter ? given[i].isEmpty() : !wanted[i].equals(given[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return name();
  }
}
