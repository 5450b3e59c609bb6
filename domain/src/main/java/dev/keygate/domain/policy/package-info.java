/**
 * What a key may be used for beyond its scopes, enforced at verification: named rate limits,
 * credits with refill, and the addresses it may be used from. Every policy knows whether another
 * one is at most as permissive, so that callers confined to an owner can tighten a key and never
 * loosen it.
 */
package dev.keygate.domain.policy;
