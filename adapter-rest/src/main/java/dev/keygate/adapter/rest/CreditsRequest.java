package dev.keygate.adapter.rest;

/**
 * A key's credits in a request (Keygate's extension): {@code remaining} uses, each verification
 * spending its {@code cost}, and an optional refill.
 */
record CreditsRequest(@Required Long remaining, RefillRequest refill) {}
