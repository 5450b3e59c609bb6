package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.token.PlaintextKey;

/**
 * A key as just created or rotated, with its token in plain text: the only time it is shown.
 *
 * @param token prints as {@code ***}; {@link PlaintextKey#reveal()} gives it to its owner once
 */
public record IssuedApiKey(ApiKey key, PlaintextKey token) {}
