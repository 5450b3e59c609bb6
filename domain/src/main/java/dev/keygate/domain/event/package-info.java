/**
 * What happens to API keys that the world outside may be told of: the lifecycle events, the
 * webhooks that receive them, the deliveries of each event to each webhook, and a leaked token's
 * report.
 */
package dev.keygate.domain.event;
