package dev.keygate.adapter.rest;

import java.util.List;

/**
 * {@code POST /api/v1/api_keys/verify}; {@code required_scopes}, {@code api_id}, {@code client_ip}
 * and {@code cost} are Keygate's extensions.
 *
 * @param clientIp the address the key was presented from, when the caller verifies on behalf of its
 *     own clients: checked against the key's allowed addresses, failed attempts are counted per
 *     client network, and usage records it
 * @param cost the credits a valid verification spends of a metered key, 0 to 1,000,000,000; 1 by
 *     default
 */
record VerifyApiKeyRequest(
    @Required String apiKey,
    List<String> requiredScopes,
    String apiId,
    String clientIp,
    Long cost) {}
