package dev.keygate.application.port.in;

/** Issues a key and shows its token this once. */
public interface CreateApiKeyUseCase {

  IssuedApiKey create(Principal principal, CreateApiKeyCommand command);
}
