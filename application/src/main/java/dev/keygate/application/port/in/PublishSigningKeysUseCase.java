package dev.keygate.application.port.in;

import java.util.Map;

/**
 * The public keys a verifier needs, as a JSON Web Key Set: the signing key and every retired key
 * whose tokens may still be alive.
 */
public interface PublishSigningKeysUseCase {

  Map<String, Object> publish();
}
