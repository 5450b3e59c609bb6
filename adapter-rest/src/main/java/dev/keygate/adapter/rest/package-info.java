/**
 * The REST adapter: Keygate's Kinde-compatible management API, verification, health, metrics and
 * OpenAPI on Javalin, plus {@link dev.keygate.adapter.rest.KeygateGuard} for host applications.
 * JSON shapes are records of this package; domain objects never reach the wire.
 */
package dev.keygate.adapter.rest;
