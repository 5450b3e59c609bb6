/**
 * The memory adapter: what each node keeps in its own memory, every structure bounded in size. The
 * verification caches (Caffeine) and the limits on failed verifications and key creations
 * (Bucket4j); nothing here is shared between nodes or survives a restart.
 */
package dev.keygate.adapter.memory;
