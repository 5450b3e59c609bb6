package archfixture.bad.application.port.out;

import archfixture.bad.application.port.in.NeedsService;

/** Bad: what the core needs from the world must not name what the world may ask. */
public interface NeedsAnInPort {
  NeedsService useCase();
}
