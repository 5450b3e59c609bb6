package dev.keygate.application.port.in;

import dev.keygate.domain.owner.OrgCode;
import java.util.Optional;

/** Create an organization, with the host application's own code or a generated one. */
public record CreateOrganizationCommand(String name, Optional<OrgCode> code) {}
