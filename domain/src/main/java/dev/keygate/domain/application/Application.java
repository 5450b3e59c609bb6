package dev.keygate.domain.application;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A machine-to-machine application: an OAuth client that trades its id and secret for signed access
 * tokens, for the APIs it is authorized for and with the scopes granted to it there. Immutable;
 * each change returns the new state. Only the Argon2id hash of its secret is held, and the secret's
 * version, which every token carries, so that rolling the secret ends the tokens issued before.
 *
 * @param org the organization the application acts for; empty for the whole deployment
 * @param secretVersion counts the secret's rolls: a token of an older version is refused
 * @param madeBy the management key whose caller made the application; it works only while that key
 *     does
 * @param expiresOn when the application stops working: the end of its maker's authority, if that
 *     ends
 */
public record Application(
    ApplicationId id,
    String name,
    Optional<OrgCode> org,
    String secretHash,
    long secretVersion,
    Set<ApiId> apis,
    Set<Scope> scopes,
    Instant createdOn,
    String createdBy,
    Optional<ApiKeyId> madeBy,
    Optional<Instant> expiresOn) {

  public static final int MAX_NAME_LENGTH = 128;

  public Application {
    Checks.required("application id", id);
    name = Checks.name("application name", name, MAX_NAME_LENGTH);
    Checks.required("application org", org);
    Checks.required("application secret hash", secretHash);
    apis = Set.copyOf(Checks.required("application apis", apis));
    scopes = Set.copyOf(Checks.required("application scopes", scopes));
    for (Scope scope : scopes) {
      if (!apis.contains(scope.apiId())) {
        throw new ValidationException(
            "scope " + scope.key() + " belongs to api " + scope.apiId() + ", not authorized");
      }
    }
    Checks.required("application created on", createdOn);
    Checks.required("application created by", createdBy);
    Checks.required("application maker", madeBy);
    Checks.required("application expiry", expiresOn);
  }

  /** A new application with its first secret's hash, authorized for nothing yet. */
  public static Application create(
      ApplicationId id,
      String name,
      Optional<OrgCode> org,
      String secretHash,
      Instant now,
      String createdBy,
      Optional<ApiKeyId> madeBy,
      Optional<Instant> expiresOn) {
    return new Application(
        id, name, org, secretHash, 1, Set.of(), Set.of(), now, createdBy, madeBy, expiresOn);
  }

  /** The owner the application acts for, when it is confined to one organization. */
  public Optional<Owner> owner() {
    return org.map(Owner.Org::new);
  }

  /** Whether the application may still get and use tokens at {@code now}. */
  public boolean isActiveAt(Instant now) {
    return expiresOn.isEmpty() || now.isBefore(expiresOn.get());
  }

  /** The same application under another name. */
  public Application renamed(String newName) {
    return new Application(
        id,
        newName,
        org,
        secretHash,
        secretVersion,
        apis,
        scopes,
        createdOn,
        createdBy,
        madeBy,
        expiresOn);
  }

  /** The application with a new secret: tokens of the older secrets stop working. */
  public Application withNewSecret(String newHash) {
    return new Application(
        id,
        name,
        org,
        newHash,
        secretVersion + 1,
        apis,
        scopes,
        createdOn,
        createdBy,
        madeBy,
        expiresOn);
  }

  /** The application allowed to ask tokens for {@code api}. */
  public Application authorizedFor(ApiId api) {
    Set<ApiId> more = new HashSet<>(apis);
    more.add(api);
    return new Application(
        id,
        name,
        org,
        secretHash,
        secretVersion,
        more,
        scopes,
        createdOn,
        createdBy,
        madeBy,
        expiresOn);
  }

  /** The application no longer allowed tokens for {@code api}, with the scopes it held there. */
  public Application deauthorizedFor(ApiId api) {
    Set<ApiId> fewer = new HashSet<>(apis);
    fewer.remove(api);
    Set<Scope> kept =
        scopes.stream().filter(scope -> !scope.apiId().equals(api)).collect(Collectors.toSet());
    return new Application(
        id,
        name,
        org,
        secretHash,
        secretVersion,
        fewer,
        kept,
        createdOn,
        createdBy,
        madeBy,
        expiresOn);
  }

  /**
   * The application granted {@code scope} as well.
   *
   * @throws ValidationException when it is not authorized for the scope's API
   */
  public Application granted(Scope scope) {
    if (!apis.contains(scope.apiId())) {
      throw new ValidationException(
          "application " + id + " is not authorized for api " + scope.apiId());
    }
    Set<Scope> more = new HashSet<>(scopes);
    more.add(scope);
    return new Application(
        id,
        name,
        org,
        secretHash,
        secretVersion,
        apis,
        more,
        createdOn,
        createdBy,
        madeBy,
        expiresOn);
  }

  /** The application without {@code scope}. */
  public Application withoutScope(Scope scope) {
    Set<Scope> fewer = new HashSet<>(scopes);
    fewer.remove(scope);
    return new Application(
        id,
        name,
        org,
        secretHash,
        secretVersion,
        apis,
        fewer,
        createdOn,
        createdBy,
        madeBy,
        expiresOn);
  }

  /** The scopes granted for {@code api}. */
  public Set<Scope> scopesOf(ApiId api) {
    return scopes.stream().filter(scope -> scope.apiId().equals(api)).collect(Collectors.toSet());
  }

  /** Everything but the secret's hash. */
  @Override
  public String toString() {
    return "Application[id="
        + id
        + ", name="
        + name
        + ", org="
        + org
        + ", secretVersion="
        + secretVersion
        + "]";
  }
}
