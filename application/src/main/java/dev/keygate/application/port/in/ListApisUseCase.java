package dev.keygate.application.port.in;

import dev.keygate.domain.api.Api;
import java.util.List;

/** Lists every registered API; any management key with read:apis may. */
public interface ListApisUseCase {

  List<Api> list(Principal principal);
}
