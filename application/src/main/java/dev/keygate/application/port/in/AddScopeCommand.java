package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;

/** Define a scope such as {@code read:users} on an API; the description may be empty. */
public record AddScopeCommand(ApiId apiId, String key, String description) {}
