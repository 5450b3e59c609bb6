package dev.keygate.adapter.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * {@code POST /api/v1/user}, in Keygate's words ({@code id}, {@code name}, {@code email}) or in
 * Kinde's ({@code profile}, {@code identities}, {@code organization_code}), not both. Kinde's
 * {@code provided_id}, a profile's {@code picture}, an identity's {@code is_verified} and the
 * details of a phone or username identity are accepted and ignored: Keygate keeps none of them.
 *
 * @param id the host application's own id, Keygate's extension; generated when left out
 * @param name Keygate's one name of the user; else {@code profile}'s given and family names
 * @param email Keygate's; else the email of an {@code email} identity
 * @param organizationCode the organization Kinde would make the user a member of: checked to be a
 *     well-formed code, and ignored, since Keygate has no memberships
 */
@JsonIgnoreProperties({"provided_id"})
record CreateUserRequest(
    String id,
    String name,
    String email,
    Profile profile,
    String organizationCode,
    List<Identity> identities) {

  /** Kinde's {@code profile}. */
  @JsonIgnoreProperties({"picture"})
  record Profile(String givenName, String familyName) {}

  /**
   * Kinde's identity to create with the user.
   *
   * @param type {@code email}, {@code phone} or {@code username}
   */
  @JsonIgnoreProperties({"is_verified"})
  record Identity(String type, Details details) {}

  /** What identifies the user; Keygate reads only the email. */
  @JsonIgnoreProperties({"phone", "phone_country_id", "username"})
  record Details(String email) {}
}
