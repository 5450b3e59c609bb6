package dev.keygate.adapter.rest;

import java.util.List;

/**
 * {@code POST /api/v1/api_keys/verify}; {@code required_scopes}, {@code api_id} and {@code
 * client_ip} are Keygate's extensions.
 *
 * @param clientIp the address the key was presented from, when the caller verifies on behalf of its
 *     own clients: failed attempts are counted per client network, and usage records it
 */
record VerifyApiKeyRequest(
    @Required String apiKey, List<String> requiredScopes, String apiId, String clientIp) {}
