package dev.keygate.application.port.in;

import dev.keygate.domain.owner.UserId;
import java.util.Optional;

/** Create a user, with the host application's own id or a generated one. */
public record CreateUserCommand(Optional<UserId> id, String name, Optional<String> email) {}
