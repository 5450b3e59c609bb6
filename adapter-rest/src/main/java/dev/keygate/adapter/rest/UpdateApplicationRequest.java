package dev.keygate.adapter.rest;

/** {@code PATCH /api/v1/applications/{application_id}}: the new name. */
record UpdateApplicationRequest(String name) {}
