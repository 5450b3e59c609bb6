package dev.keygate.adapter.rest;

import java.time.Instant;
import java.util.List;

/**
 * {@code PATCH /api/v1/api_keys/{key_id}} (Keygate's extension): any of the fields. The policy
 * fields replace the key's: {@code "rate_limits": []} and {@code "ip_allowlist": []} clear them,
 * {@code "credits": null} stops metering the key.
 */
record UpdateApiKeyRequest(
    String name,
    String status,
    Instant expiresOn,
    List<RateLimitRequest> rateLimits,
    CreditsRequest credits,
    List<String> ipAllowlist) {}
