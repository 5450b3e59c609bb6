/**
 * Wiring: builds the adapters and the application's services by hand, and holds the entry points
 * (the server and CLI main, the embeddable facade).
 */
package dev.keygate.bootstrap;
