package dev.keygate.adapter.rest;

/**
 * One rate limit in a request (Keygate's extension): at most {@code limit} uses per {@code
 * duration_seconds}, counted in fixed windows.
 *
 * @param name unique among the limits of the key or owner, such as {@code burst}
 */
record RateLimitRequest(
    @Required String name, @Required Long limit, @Required Long durationSeconds) {}
