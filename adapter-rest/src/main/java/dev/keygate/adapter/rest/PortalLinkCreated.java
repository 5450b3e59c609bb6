package dev.keygate.adapter.rest;

import java.time.Instant;

/**
 * 200 on making a portal link: {@code {code, message, url, expires_on}}.
 *
 * @param url the portal, carrying its short-lived key in the fragment, which browsers never send
 */
record PortalLinkCreated(String code, String message, String url, Instant expiresOn) {}
