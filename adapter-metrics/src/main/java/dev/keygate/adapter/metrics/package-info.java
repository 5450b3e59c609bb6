/** The metrics adapter: the application's verification metrics on Micrometer. */
package dev.keygate.adapter.metrics;
