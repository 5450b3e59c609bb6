/**
 * The persistence adapter: every persistence port on Hibernate over H2 or PostgreSQL, schema by
 * Flyway. Entities live here only and are mapped to and from the domain by static mappers.
 */
package dev.keygate.adapter.persistence;
