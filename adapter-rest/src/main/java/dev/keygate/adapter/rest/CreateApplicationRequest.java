package dev.keygate.adapter.rest;

/**
 * {@code POST /api/v1/applications}, as Kinde takes it.
 *
 * @param type {@code m2m}: Keygate makes machine-to-machine applications only
 * @param orgCode the organization the application acts for; the whole deployment when left out
 */
record CreateApplicationRequest(@Required String name, @Required String type, String orgCode) {}
