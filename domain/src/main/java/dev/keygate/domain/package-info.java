/** The Keygate domain: API keys, their owners, the APIs they open and the token format. */
package dev.keygate.domain;
