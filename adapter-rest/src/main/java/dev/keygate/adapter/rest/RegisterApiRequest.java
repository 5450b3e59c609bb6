package dev.keygate.adapter.rest;

/** {@code POST /api/v1/apis}, as Kinde takes it: both fields are required. */
record RegisterApiRequest(@Required String name, @Required String audience) {}
