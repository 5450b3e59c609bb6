/**
 * The persistence adapter: the repositories, audit log and usage recorder on Hibernate, H2 and
 * PostgreSQL. Built in the persistence issue; the module exists so the layering holds from the
 * start.
 */
package dev.keygate.adapter.persistence;
