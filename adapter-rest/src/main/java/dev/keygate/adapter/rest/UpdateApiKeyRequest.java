package dev.keygate.adapter.rest;

import java.time.Instant;

/** {@code PATCH /api/v1/api_keys/{key_id}} (Keygate's extension): any of the fields. */
record UpdateApiKeyRequest(String name, String status, Instant expiresOn) {}
