package dev.keygate.adapter.rest;

/**
 * {@code POST /api/v1/organization}.
 *
 * @param code the host application's own code; generated when left out
 */
record CreateOrganizationRequest(@Required String name, String code) {}
