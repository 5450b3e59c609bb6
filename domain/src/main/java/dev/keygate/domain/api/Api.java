package dev.keygate.domain.api;

import dev.keygate.domain.Checks;
import java.time.Clock;
import java.time.Instant;

/**
 * An API the company exposes; keys are issued for one API and carry some of its scopes. The
 * audience is unique across the deployment.
 */
public record Api(ApiId id, String name, String audience, Instant createdOn) {

  /** The audience of the built-in API whose keys authorize Keygate's own management calls. */
  public static final String MANAGEMENT_AUDIENCE = "keygate-management";

  public static final int MAX_NAME_LENGTH = 64;
  public static final int MAX_AUDIENCE_LENGTH = 64;

  public Api {
    Checks.required("api id", id);
    name = Checks.name("api name", name, MAX_NAME_LENGTH);
    audience = Checks.word("api audience", audience, MAX_AUDIENCE_LENGTH);
    Checks.required("api creation time", createdOn);
  }

  /** A newly registered API. */
  public static Api register(String name, String audience, Clock clock) {
    return new Api(ApiId.generate(clock), name, audience, clock.instant());
  }

  /** Whether this is Keygate's own management API. */
  public boolean isManagement() {
    return MANAGEMENT_AUDIENCE.equals(audience);
  }
}
