package dev.keygate.adapter.rest;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/api_keys}, as Kinde takes it; {@code expires_on} and the usage policy ({@code
 * rate_limits}, {@code credits}, {@code ip_allowlist}) are Keygate's extensions.
 *
 * @param scopeIds scope ids or scope keys of the API
 * @param type {@code organization} or {@code user}, inferred from the owner when left out; or
 *     {@code environment}, for a key of the deployment itself, with neither {@code org_code} nor
 *     {@code user_id}
 * @param credits the key is metered when given
 * @param ipAllowlist addresses and CIDR ranges, IPv4 or IPv6, the key may be used from
 */
record CreateApiKeyRequest(
    @Required String name,
    @Required String apiId,
    List<String> scopeIds,
    String orgCode,
    String userId,
    String type,
    Instant expiresOn,
    List<RateLimitRequest> rateLimits,
    CreditsRequest credits,
    List<String> ipAllowlist) {}
