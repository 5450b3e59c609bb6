/**
 * The remote adapter: the application's use cases answered by a running Keygate server over its
 * REST management API, so that the command line can work on a server it holds a management
 * credential for instead of on a database. It speaks the JSON of {@code dev.keygate.wire}, with
 * Keygate's extensions, and turns the server's refusals back into the application's failures.
 */
package dev.keygate.adapter.remote;
