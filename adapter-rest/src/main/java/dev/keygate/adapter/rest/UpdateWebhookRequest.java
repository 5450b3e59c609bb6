package dev.keygate.adapter.rest;

import java.util.List;

/**
 * {@code PATCH /api/v1/webhooks/{webhook_id}}, as Kinde takes it: what is left out stays.
 *
 * @param description {@code null} removes it
 */
record UpdateWebhookRequest(List<String> eventTypes, String name, String description) {}
