package dev.keygate.adapter.rest;

/**
 * The partner program's feedback on one token of a report; the answer is a JSON array of them, in
 * the report's order.
 *
 * @param tokenHash the SHA-256 of the token in lowercase hex: the token itself is never echoed
 * @param tokenType the type the scanner gave it
 * @param label {@code true_positive} for a secret of a key of this deployment, whatever the key's
 *     status; {@code false_positive} otherwise
 */
record ScanningLabelResponse(String tokenHash, String tokenType, String label) {}
