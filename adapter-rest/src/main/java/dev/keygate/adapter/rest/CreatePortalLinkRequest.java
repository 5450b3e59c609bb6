package dev.keygate.adapter.rest;

/**
 * {@code POST /api/v1/portal_links}: exactly one of {@code org_code} and {@code user_id}, whose
 * keys the portal opens on.
 */
record CreatePortalLinkRequest(String orgCode, String userId) {}
