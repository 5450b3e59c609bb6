package dev.keygate.adapter.cli;

import dev.keygate.application.port.query.Page;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON documents of organizations and users, with the REST API's field names. */
final class OwnerJson {

  private OwnerJson() {}

  /** {@code {code}} of a new organization. */
  record OrganizationRef(String code) {}

  /** {@code orgs create}: {@code {code, message, organization:{code}}}. */
  record OrganizationCreated(String code, String message, OrganizationRef organization) {}

  /** An organization in a list. */
  record OrganizationView(String code, String name, Instant createdOn) {}

  /** {@code orgs list}. */
  record OrganizationsListed(
      String code, String message, boolean hasMore, List<OrganizationView> organizations) {}

  /** {@code users create}: {@code {id, created:true}}. */
  record UserCreated(String id, boolean created) {}

  /** A user in a list; {@code email} is left out when the user has none. */
  record UserView(String id, String name, Optional<String> email, Instant createdOn) {}

  /** {@code users list}. */
  record UsersListed(String code, String message, boolean hasMore, List<UserView> users) {}

  static OrganizationCreated created(Organization organization) {
    return new OrganizationCreated(
        "OK", "Success", new OrganizationRef(organization.code().value()));
  }

  static OrganizationsListed organizations(Page<Organization> page) {
    return new OrganizationsListed(
        "OK",
        "Success",
        page.hasMore(),
        page.items().stream()
            .map(org -> new OrganizationView(org.code().value(), org.name(), org.createdOn()))
            .toList());
  }

  static UserCreated created(User user) {
    return new UserCreated(user.id().value(), true);
  }

  static UsersListed users(Page<User> page) {
    return new UsersListed(
        "OK",
        "Success",
        page.hasMore(),
        page.items().stream()
            .map(
                user ->
                    new UserView(user.id().value(), user.name(), user.email(), user.createdOn()))
            .toList());
  }
}
