package dev.keygate.adapter.rest;

import java.util.List;

/** A set of related endpoints, built from the use cases it receives in its constructor. */
public interface RouteGroup {

  List<Route> routes();
}
