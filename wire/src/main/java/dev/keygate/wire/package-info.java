/**
 * What Keygate says to programs, whichever adapter says it: the JSON documents of keys, APIs,
 * scopes, owners, grants and audit events, the one {@link dev.keygate.wire.WireJson} that writes
 * them, and the words ({@code active}, {@code organization}…) for the domain's enums. The REST
 * adapter answers with these records and the CLI prints them for {@code --output json}, so the two
 * cannot drift apart. "Wire" because it is the format on the way out of the process, over HTTP or
 * on a command's standard output, and nothing else: it knows the application's ports and the
 * domain, never an adapter, a transport or a status code.
 */
package dev.keygate.wire;
