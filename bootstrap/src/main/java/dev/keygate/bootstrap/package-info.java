/**
 * Wiring: builds the adapters and the application's services by hand, and holds the entry points
 * (the embeddable {@link dev.keygate.bootstrap.Keygate} facade; the server and CLI main follow).
 */
package dev.keygate.bootstrap;
