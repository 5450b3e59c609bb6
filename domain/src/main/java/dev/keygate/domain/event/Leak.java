package dev.keygate.domain.event;

import dev.keygate.domain.Checks;
import java.util.Optional;

/**
 * How a key's secret was reported found in public.
 *
 * @param source who reported it
 * @param url where the reporter found it, when it said (a secret scanner does); never the secret
 */
public record Leak(Source source, Optional<String> url) {

  /** The longest url kept; a longer one is cut. */
  public static final int MAX_URL_LENGTH = 2048;

  /** Who reported a leak. */
  public enum Source {
    /** GitHub's secret scanning partner program, its report signed by GitHub. */
    GITHUB_SECRET_SCANNING("github_secret_scanning"),
    /** Whoever held the token, through the public revocation endpoint. */
    PUBLIC_REVOCATION("public_revocation");

    private final String wireName;

    Source(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public Leak {
    Checks.required("leak source", source);
    Checks.required("leak url", url);
    url = url.map(u -> u.length() > MAX_URL_LENGTH ? u.substring(0, MAX_URL_LENGTH) : u);
  }
}
