package dev.keygate.application.contract;

import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every persistence contract test shares: a fresh, empty store per test, and fixtures that
 * build valid domain objects at whole seconds (every store keeps them exactly).
 */
public abstract class StoreContract {

  protected static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  protected static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static final AtomicLong LOOKUPS = new AtomicLong(1_000_000);

  protected Stores stores;

  /** A store of its own for one test, with nothing in it. */
  protected abstract Stores openEmptyStores();

  /** Releases what {@link #openEmptyStores()} opened. */
  protected void closeStores() {}

  @BeforeEach
  final void openStores() {
    stores = openEmptyStores();
  }

  @AfterEach
  final void releaseStores() {
    closeStores();
  }

  protected Api storedApi(String audience) {
    Api api = Api.register("API " + audience, audience, CLOCK);
    stores.apis().add(api);
    return api;
  }

  protected Scope storedScope(Api api, String key) {
    Scope scope = Scope.define(api.id(), key, "may " + key, CLOCK);
    stores.apis().addScope(scope);
    return scope;
  }

  protected Owner storedOrganization(String code) {
    Organization organization = new Organization(new OrgCode(code), "Org " + code, NOW);
    stores.owners().addOrganization(organization);
    return organization.asOwner();
  }

  protected Owner storedUser(String id) {
    UserAccount user =
        new UserAccount(new UserId(id), "User " + id, Optional.of(id + "@example.com"), NOW);
    stores.owners().addUser(user);
    return user.asOwner();
  }

  /** A new, unstored, active key with one secret. */
  protected static ApiKey newKey(Owner owner, Api api, Scope... scopes) {
    return ApiKey.create(
        ApiKeyId.generate(CLOCK),
        "key of " + owner.id(),
        owner,
        api.id(),
        Set.of(scopes),
        newSecret(NOW),
        "test:contract",
        Optional.empty(),
        Optional.empty(),
        NOW);
  }

  /** A secret with a fresh, unique lookup. */
  protected static KeySecret newSecret(Instant createdOn) {
    String digits = Long.toString(LOOKUPS.incrementAndGet());
    SecretLookup lookup = new SecretLookup("L" + "0".repeat(11 - digits.length()) + digits);
    return KeySecret.issued(
        KeyPrefix.DEFAULT, lookup, "Ab12", "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA", createdOn);
  }
}
