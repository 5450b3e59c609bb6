package archfixture.bad.benchmarks;

import archfixture.bad.application.service.SomeService;

/** Bad: only the wiring builds the services; a benchmark takes the use cases as embedders do. */
public class BuildsAService {
  SomeService service = new SomeService();
}
