package dev.keygate.application.port.in;

/** Register an API under a unique audience. */
public record RegisterApiCommand(String name, String audience) {}
