package dev.keygate.adapter.rest;

import java.util.List;

/**
 * {@code PUT /api/v1/organizations/{org_code}/grants/{api_id}} (and the same for a user): the
 * scopes, by id or key, that the owner may hold of that API; empty for the API with no scope.
 */
record SetGrantRequest(@Required List<String> scopeIds) {}
