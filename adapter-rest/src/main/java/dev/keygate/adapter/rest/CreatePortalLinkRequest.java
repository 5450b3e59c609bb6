package dev.keygate.adapter.rest;

/**
 * {@code POST /api/v1/portal_links}: exactly one of {@code org_code} and {@code user_id}, whose
 * keys the portal opens on.
 *
 * @param expiresInSeconds how long the link works, 1 to 86400; the configured time when left out
 */
record CreatePortalLinkRequest(String orgCode, String userId, Long expiresInSeconds) {}
