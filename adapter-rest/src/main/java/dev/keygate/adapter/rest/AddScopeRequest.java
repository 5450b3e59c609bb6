package dev.keygate.adapter.rest;

/**
 * {@code POST /api/v1/apis/{api_id}/scopes}, as Kinde takes it.
 *
 * @param key such as {@code read:users}; 1-64 characters without whitespace
 * @param description may be left out
 */
record AddScopeRequest(@Required String key, String description) {}
