package archfixture.good.application.port.in;

import archfixture.good.domain.Value;

/** An incoming port that speaks the domain. */
public interface UseCase {
  Value run();
}
