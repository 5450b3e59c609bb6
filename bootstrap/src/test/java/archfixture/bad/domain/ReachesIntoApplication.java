package archfixture.bad.domain;

import archfixture.bad.application.service.SomeService;

/** Bad: the domain must not know the application. */
public class ReachesIntoApplication {
  SomeService service;
}
