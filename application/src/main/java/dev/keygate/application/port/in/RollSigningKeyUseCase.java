package dev.keygate.application.port.in;

/**
 * Makes a new key sign access tokens from now on; the old one stays published and accepted until
 * its last token has expired.
 */
public interface RollSigningKeyUseCase {

  /** The id of the new signing key. */
  String roll(Principal principal);
}
