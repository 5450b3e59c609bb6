package archfixture.bad.application.port.in;

import archfixture.bad.application.port.out.SomeRepository;

/** Bad: what the world may ask must not name what the core needs from the world. */
public interface NeedsAnOutPort {
  SomeRepository repository();
}
