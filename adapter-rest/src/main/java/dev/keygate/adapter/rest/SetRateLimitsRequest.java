package dev.keygate.adapter.rest;

import java.util.List;

/**
 * {@code PUT /api/v1/organizations/{org_code}/rate_limits} (and the same for a user): the limits
 * all the owner's keys share, instead of the present ones; empty removes them.
 */
record SetRateLimitsRequest(@Required List<RateLimitRequest> rateLimits) {}
