/**
 * Wiring: builds the adapters and the application's services by hand ({@link
 * dev.keygate.bootstrap.KeygateNode}), and holds the entry points: the embeddable {@link
 * dev.keygate.bootstrap.Keygate} facade and the runnable jar's {@link dev.keygate.bootstrap.Main}
 * ({@code keygate serve}, {@code keygate init}).
 */
package dev.keygate.bootstrap;
