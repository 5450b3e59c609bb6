/** Machine-to-machine applications, their OAuth client secrets, and the keys that sign tokens. */
package dev.keygate.domain.application;
