package dev.keygate.wire;

import dev.keygate.application.port.query.Page;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON of organizations and users, as Kinde writes them. */
public final class OwnerResponses {

  private OwnerResponses() {}

  /** {@code {code}} of a new organization. */
  public record OrganizationRef(String code) {}

  /** An organization created: {@code {code, message, organization:{code}}}. */
  public record OrganizationCreated(String code, String message, OrganizationRef organization) {}

  /** An organization in a list. */
  public record OrganizationView(String code, String name, Instant createdOn) {}

  /** A page of organizations. */
  public record OrganizationsListed(
      String code, String message, boolean hasMore, List<OrganizationView> organizations) {}

  /** A user created: {@code {id, created:true}}. */
  public record UserCreated(String id, boolean created) {}

  /** A user in a list; {@code email} is left out when the user has none. */
  public record UserView(String id, String name, Optional<String> email, Instant createdOn) {}

  /** A page of users. */
  public record UsersListed(String code, String message, boolean hasMore, List<UserView> users) {}

  public static OrganizationCreated created(Organization organization) {
    return new OrganizationCreated(
        "OK", "Success", new OrganizationRef(organization.code().value()));
  }

  public static OrganizationsListed organizations(Page<Organization> page) {
    return new OrganizationsListed(
        "OK",
        "Success",
        page.hasMore(),
        page.items().stream().map(OwnerResponses::organization).toList());
  }

  public static UserCreated created(UserAccount user) {
    return new UserCreated(user.id().value(), true);
  }

  public static UsersListed users(Page<UserAccount> page) {
    return new UsersListed(
        "OK", "Success", page.hasMore(), page.items().stream().map(OwnerResponses::user).toList());
  }

  private static OrganizationView organization(Organization organization) {
    return new OrganizationView(
        organization.code().value(), organization.name(), organization.createdOn());
  }

  private static UserView user(UserAccount user) {
    return new UserView(user.id().value(), user.name(), user.email(), user.createdOn());
  }
}
