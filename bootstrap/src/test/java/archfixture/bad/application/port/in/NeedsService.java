package archfixture.bad.application.port.in;

import archfixture.bad.application.service.SomeService;

/** Bad: a port must not depend on its implementation. */
public interface NeedsService {
  SomeService service();
}
