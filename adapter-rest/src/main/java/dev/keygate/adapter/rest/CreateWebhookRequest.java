package dev.keygate.adapter.rest;

import java.util.List;

/**
 * {@code POST /api/v1/webhooks}: Kinde's fields, and Keygate's {@code org_code}.
 *
 * @param eventTypes the events it receives, such as {@code api_key.revoked}
 * @param name the endpoint's host when left out (Kinde requires it; Keygate does not)
 * @param orgCode the organization whose keys' events it receives; for a caller confined to an
 *     organization, that one when left out; the whole deployment when the operator leaves it out
 */
record CreateWebhookRequest(
    @Required String endpoint,
    @Required List<String> eventTypes,
    String name,
    String description,
    String orgCode) {}
