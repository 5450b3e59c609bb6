package dev.keygate.adapter.rest;

import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of organizations and users, as Kinde writes them. */
final class OwnerResponses {

  private OwnerResponses() {}

  /** {@code {code}} of a new organization. */
  record OrganizationRef(String code) {}

  /** 200 on creating an organization: {@code {code, message, organization:{code}}}. */
  record OrganizationCreated(String code, String message, OrganizationRef organization) {}

  /** An organization in a list. */
  record OrganizationView(String code, String name, Instant createdOn) {}

  /** 200 on listing organizations. */
  record OrganizationsListed(
      String code, String message, boolean hasMore, List<OrganizationView> organizations) {}

  /** 200 on creating a user: {@code {id, created:true}}. */
  record UserCreated(String id, boolean created) {}

  /** A user in a list; {@code email} is left out when the user has none. */
  record UserView(String id, String name, Optional<String> email, Instant createdOn) {}

  /** 200 on listing users. */
  record UsersListed(String code, String message, boolean hasMore, List<UserView> users) {}

  static OrganizationView organization(Organization organization) {
    return new OrganizationView(
        organization.code().value(), organization.name(), organization.createdOn());
  }

  static UserView user(User user) {
    return new UserView(user.id().value(), user.name(), user.email(), user.createdOn());
  }
}
