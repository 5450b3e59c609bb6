package dev.keygate.application.port.out;

import dev.keygate.domain.application.SigningKey;
import java.util.List;

/** Stores the keys that sign access tokens, the private halves included. */
public interface SigningKeyRepository {

  void add(SigningKey key);

  /** Every key, oldest first. */
  List<SigningKey> list();

  /** Replaces a stored key's retirement. */
  void update(SigningKey key);
}
