package archfixture.good.application.service;

import archfixture.good.application.port.in.UseCase;
import archfixture.good.domain.Value;

/** A service implementing its port. */
public class Service implements UseCase {
  @Override
  public Value run() {
    return new Value("ok");
  }
}
