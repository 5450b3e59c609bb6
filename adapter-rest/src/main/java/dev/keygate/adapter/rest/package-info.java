/**
 * The REST adapter: Keygate's Kinde-compatible management API, verification, health, metrics and
 * OpenAPI on Javalin, plus {@link dev.keygate.adapter.rest.KeygateGuard} for host applications.
 * Request shapes are records of this package; answers are the records of {@code dev.keygate.wire},
 * which the CLI prints too. Domain objects never reach the wire.
 */
package dev.keygate.adapter.rest;
