package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.ScopeId;

/** Change a scope's description; its key never changes, since keys are granted by it. */
public record UpdateScopeCommand(ApiId apiId, ScopeId scopeId, String description) {}
