package dev.keygate.application.port.in;

/** Checks a presented token; the hot path of every guarded request. */
public interface VerifyApiKeyUseCase {

  Verification verify(Principal principal, VerifyApiKeyCommand command);
}
