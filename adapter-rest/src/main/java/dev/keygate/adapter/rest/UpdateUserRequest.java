package dev.keygate.adapter.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code PATCH /api/v1/user?id=}: Kinde's {@code given_name} and {@code family_name}, or Keygate's
 * whole {@code name}. Kinde's picture, external id and password reset are accepted and ignored:
 * Keygate keeps no pictures or passwords. {@code is_suspended: true} is refused: Keygate does not
 * suspend users, and ignoring it would leave their keys working. Any other field is refused.
 */
@JsonIgnoreProperties({"picture", "provided_id", "is_password_reset_requested"})
record UpdateUserRequest(String name, String givenName, String familyName, Boolean isSuspended) {}
