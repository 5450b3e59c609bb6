package dev.keygate.application.port.in;

import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.key.ApiKey;

/** Lists the keys within the caller's reach that pass the filter, in id order. */
public interface ListApiKeysUseCase {

  Page<ApiKey> list(Principal principal, ApiKeyFilter filter, PageRequest page);
}
