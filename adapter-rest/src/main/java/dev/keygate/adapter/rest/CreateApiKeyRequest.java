package dev.keygate.adapter.rest;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/api_keys}, as Kinde takes it; {@code expires_on} is Keygate's extension.
 *
 * @param scopeIds scope ids or scope keys of the API
 * @param type {@code organization} or {@code user}, inferred from the owner when left out; or
 *     {@code environment}, for a key of the deployment itself, with neither {@code org_code} nor
 *     {@code user_id}
 */
record CreateApiKeyRequest(
    @Required String name,
    @Required String apiId,
    List<String> scopeIds,
    String orgCode,
    String userId,
    String type,
    Instant expiresOn) {}
