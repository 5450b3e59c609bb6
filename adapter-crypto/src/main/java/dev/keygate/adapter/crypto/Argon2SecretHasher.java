package dev.keygate.adapter.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.keygate.application.port.out.SecretHasher;
import java.util.Objects;

/**
 * Hashes key secrets with Argon2id through argon2-jvm. The type is chosen explicitly: the library's
 * default is Argon2i.
 */
public final class Argon2SecretHasher implements SecretHasher {

  private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
  private final Argon2Parameters parameters;

  public Argon2SecretHasher(Argon2Parameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
  }

  @Override
  public String hash(char[] secret) {
    return argon2.hash(
        parameters.iterations(), parameters.memoryKib(), parameters.parallelism(), secret);
  }

  @Override
  public boolean verify(String hash, char[] secret) {
    if (hash == null || !hash.startsWith("$argon2id$")) {
      return false;
    }
    try {
      return argon2.verify(hash, secret);
    } catch (IllegalStateException | IllegalArgumentException malformed) {
      return false;
    }
  }

  @Override
  public boolean needsRehash(String hash) {
    return argon2.needsRehash(
        hash, parameters.iterations(), parameters.memoryKib(), parameters.parallelism());
  }
}
