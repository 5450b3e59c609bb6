package dev.keygate.adapter.rest;

/** {@code PATCH /api/v1/apis/{api_id}/scopes/{scope_id}}: the new description. */
record UpdateScopeRequest(@Required String description) {}
