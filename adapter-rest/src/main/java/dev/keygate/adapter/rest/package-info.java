/**
 * The REST adapter: Keygate's Kinde-compatible management API on Javalin. Built in the REST issue;
 * the module exists so the layering holds from the start.
 */
package dev.keygate.adapter.rest;
