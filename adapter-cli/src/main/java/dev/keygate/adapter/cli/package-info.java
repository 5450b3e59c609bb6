/**
 * The command-line adapter: picocli commands on the application's use cases. {@code --output json}
 * prints the records of {@code dev.keygate.wire}, the very answers of the REST API.
 */
package dev.keygate.adapter.cli;
