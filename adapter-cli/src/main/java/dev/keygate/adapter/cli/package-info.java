/** The command-line adapter: picocli commands on the application's use cases. */
package dev.keygate.adapter.cli;
