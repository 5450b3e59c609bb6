package archfixture.good.adapter.rest;

import archfixture.good.application.port.in.UseCase;

/** An adapter that uses a port. */
public class Routes {
  UseCase useCase;
}
