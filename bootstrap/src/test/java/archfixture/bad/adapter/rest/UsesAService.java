package archfixture.bad.adapter.rest;

import archfixture.bad.application.service.SomeService;

/** Bad: an adapter must reach the application through its ports, not its services. */
public class UsesAService {
  SomeService service = new SomeService();
}
