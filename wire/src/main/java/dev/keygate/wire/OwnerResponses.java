package dev.keygate.wire;

import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of organizations and users. The rich records carry what Keygate keeps (a user's one
 * {@code name}, creation times, {@code has_more}); {@code kinde()} gives exactly the fields Kinde's
 * published specification declares.
 */
public final class OwnerResponses {

  private OwnerResponses() {}

  /** {@code {code}} of a new organization. */
  public record OrganizationRef(String code) {}

  /** An organization created: {@code {code, message, organization:{code}}}. */
  public record OrganizationCreated(String code, String message, OrganizationRef organization) {}

  /** An organization in a list. */
  public record OrganizationView(String code, String name, Instant createdOn) {

    /** Kinde's {@code organization_item_schema}. */
    public KindeOrganizationView kinde() {
      return new KindeOrganizationView(code, name);
    }
  }

  /** An organization as Kinde's {@code organization_item_schema} declares it. */
  public record KindeOrganizationView(String code, String name) {}

  /**
   * A page of organizations.
   *
   * @param nextToken Kinde's cursor to the next page, when there is one
   */
  public record OrganizationsListed(
      String code,
      String message,
      boolean hasMore,
      List<OrganizationView> organizations,
      Optional<String> nextToken) {

    /** Kinde's {@code get_organizations_response}. */
    public KindeOrganizationsListed kinde() {
      return new KindeOrganizationsListed(
          code, message, organizations.stream().map(OrganizationView::kinde).toList(), nextToken);
    }
  }

  /** A page of organizations as Kinde's {@code get_organizations_response} declares it. */
  public record KindeOrganizationsListed(
      String code,
      String message,
      List<KindeOrganizationView> organizations,
      Optional<String> nextToken) {}

  /** A user created: {@code {id, created:true}}. */
  public record UserCreated(String id, boolean created) {}

  /**
   * A user in a list; {@code email} is left out when the user has none.
   *
   * @param firstName Kinde's first name: the {@code name} up to its first whitespace
   * @param lastName Kinde's last name: the rest of the {@code name}, if any
   */
  public record UserView(
      String id,
      String name,
      Optional<String> email,
      Instant createdOn,
      String firstName,
      Optional<String> lastName) {

    /** Kinde's user in {@code users_response}. */
    public KindeUserView kinde() {
      return new KindeUserView(id, email, firstName, lastName, createdOn);
    }
  }

  /** A user as Kinde's {@code users_response} declares it. */
  public record KindeUserView(
      String id,
      Optional<String> email,
      String firstName,
      Optional<String> lastName,
      Instant createdOn) {}

  /**
   * A page of users.
   *
   * @param nextToken Kinde's cursor to the next page, when there is one
   */
  public record UsersListed(
      String code,
      String message,
      boolean hasMore,
      List<UserView> users,
      Optional<String> nextToken) {

    /** Kinde's {@code users_response}. */
    public KindeUsersListed kinde() {
      return new KindeUsersListed(
          code, message, users.stream().map(UserView::kinde).toList(), nextToken);
    }
  }

  /**
   * One user, read by id: Kinde's fields, then Keygate's {@code name} and {@code email}.
   *
   * @param preferredEmail the email, under Kinde's name for it
   */
  public record UserDetails(
      String id,
      String name,
      Optional<String> email,
      Optional<String> preferredEmail,
      String firstName,
      Optional<String> lastName,
      Instant createdOn) {

    /** Kinde's {@code user}. */
    public KindeUser kinde() {
      return new KindeUser(id, preferredEmail, firstName, lastName, createdOn);
    }

    /** Kinde's {@code update_user_response}: never suspended, no password reset asked. */
    public UserUpdated updated() {
      return new UserUpdated(id, firstName, lastName, email, false, false);
    }
  }

  /** A user renamed, as Kinde's {@code update_user_response} declares it. */
  public record UserUpdated(
      String id,
      String givenName,
      Optional<String> familyName,
      Optional<String> email,
      boolean isSuspended,
      boolean isPasswordResetRequested) {}

  /** One user as Kinde's {@code user} declares it. */
  public record KindeUser(
      String id,
      Optional<String> preferredEmail,
      String firstName,
      Optional<String> lastName,
      Instant createdOn) {}

  /** A page of users as Kinde's {@code users_response} declares it. */
  public record KindeUsersListed(
      String code, String message, List<KindeUserView> users, Optional<String> nextToken) {}

  public static OrganizationCreated created(Organization organization) {
    return new OrganizationCreated(
        "OK", "Success", new OrganizationRef(organization.code().value()));
  }

  /** A page of organizations in {@code order}, with the token of the next page if one follows. */
  public static OrganizationsListed organizations(Page<Organization> page, ListOrder order) {
    return new OrganizationsListed(
        "OK",
        "Success",
        page.hasMore(),
        page.items().stream().map(OwnerResponses::organization).toList(),
        PageTokens.next(
            page,
            organization -> order.cursorOf(organization.name(), organization.code().value())));
  }

  public static UserCreated created(UserAccount user) {
    return new UserCreated(user.id().value(), true);
  }

  public static UsersListed users(Page<UserAccount> page) {
    return new UsersListed(
        "OK",
        "Success",
        page.hasMore(),
        page.items().stream().map(OwnerResponses::user).toList(),
        PageTokens.next(page, user -> user.id().value()));
  }

  /**
   * One organization, read by code: Kinde's {@code get_organization_response} is the object itself,
   * and declares {@code created_on} there.
   */
  public static OrganizationView organization(Organization organization) {
    return new OrganizationView(
        organization.code().value(), organization.name(), organization.createdOn());
  }

  /** One user, read by id. */
  public static UserDetails details(UserAccount user) {
    UserView view = user(user);
    return new UserDetails(
        view.id(),
        view.name(),
        view.email(),
        view.email(),
        view.firstName(),
        view.lastName(),
        view.createdOn());
  }

  private static UserView user(UserAccount user) {
    return new UserView(
        user.id().value(),
        user.name(),
        user.email(),
        user.createdOn(),
        user.givenName(),
        user.familyName());
  }
}
