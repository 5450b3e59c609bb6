package dev.keygate.adapter.rest;

/**
 * The optional body of {@code PUT /api/v1/api_keys/{key_id}} (Keygate's extension).
 *
 * @param previousKeyExpiresInSeconds how long the previous secret keeps working, 0 to 604800
 */
record RotateApiKeyRequest(Long previousKeyExpiresInSeconds) {}
