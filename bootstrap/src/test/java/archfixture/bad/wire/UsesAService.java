package archfixture.bad.wire;

import archfixture.bad.application.service.SomeService;

/** Bad: the wire model sees the application through its ports only. */
public class UsesAService {
  SomeService service;
}
