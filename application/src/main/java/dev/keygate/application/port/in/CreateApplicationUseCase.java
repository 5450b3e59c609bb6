package dev.keygate.application.port.in;

/** Creates an M2M application and hands out its client secret once. */
public interface CreateApplicationUseCase {

  CreatedApplication create(Principal principal, CreateApplicationCommand command);
}
