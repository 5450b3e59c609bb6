package dev.keygate.adapter.rest;

import java.util.List;

/** {@code POST /api/v1/api_keys/revoke_leaked}: the tokens found, 1-1000 of them. */
record RevokeLeakedRequest(@Required List<String> tokens) {}
