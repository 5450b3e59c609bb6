package dev.keygate.adapter.rest;

import java.util.List;

/**
 * {@code POST /api/v1/api_keys/verify}; {@code required_scopes} and {@code api_id} are Keygate's
 * extensions.
 */
record VerifyApiKeyRequest(@Required String apiKey, List<String> requiredScopes, String apiId) {}
