package dev.keygate.wire;

import java.time.Instant;

/**
 * A portal link made: {@code {code, message, url, expires_on}}.
 *
 * @param url the portal, carrying its short-lived key in the fragment, which browsers never send
 */
public record PortalLinkCreated(String code, String message, String url, Instant expiresOn) {

  public static PortalLinkCreated of(String url, Instant expiresOn) {
    return new PortalLinkCreated("OK", "Portal link created", url, expiresOn);
  }
}
