package dev.keygate.adapter.rest;

/**
 * {@code POST /api/v1/user}.
 *
 * @param id the host application's own id; generated when left out
 */
record CreateUserRequest(String id, @Required String name, String email) {}
