package dev.keygate.domain.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final Owner ACME = new Owner.Org(new OrgCode("org_acme"));
  private static final ApiId USERS = new ApiId("api_0195485a3c00aaaaaaaaaaaaaaaaaaaa");
  private static final ApiId ORDERS = new ApiId("api_0195485a3c00bbbbbbbbbbbbbbbbbbbb");
  private static final Scope READ_USERS =
      new Scope(new ScopeId("api_scope_0195485a3c00000000000000000000a1"), USERS, "read:users", "");
  private static final Scope WRITE_USERS =
      new Scope(
          new ScopeId("api_scope_0195485a3c00000000000000000000a2"), USERS, "write:users", "");
  private static final Scope READ_ORDERS =
      new Scope(
          new ScopeId("api_scope_0195485a3c00000000000000000000b1"), ORDERS, "read:orders", "");

  @Test
  void givenGrantedScopes_firstNotAllowed_isEmptyForThemAndForNone() {
    Grant grant = new Grant(ACME, USERS, Set.of(READ_USERS, WRITE_USERS), T0, "cli:op");

    assertThat(grant.firstNotAllowed(Set.of(READ_USERS, WRITE_USERS))).isEmpty();
    assertThat(grant.firstNotAllowed(Set.of())).isEmpty();
  }

  @Test
  void givenAScopeNotGranted_firstNotAllowed_namesIt() {
    Grant grant = new Grant(ACME, USERS, Set.of(READ_USERS), T0, "cli:op");

    assertThat(grant.firstNotAllowed(Set.of(READ_USERS, WRITE_USERS))).contains(WRITE_USERS);
  }

  @Test
  void givenAScopeOfAnotherApi_firstNotAllowed_namesIt() {
    Grant grant = new Grant(ACME, USERS, Set.of(READ_USERS), T0, "cli:op");

    assertThat(grant.firstNotAllowed(Set.of(READ_ORDERS))).contains(READ_ORDERS);
  }

  @Test
  void givenAScopeOfAnotherApi_newGrant_isRefused() {
    assertThatThrownBy(() -> new Grant(ACME, USERS, Set.of(READ_ORDERS), T0, "cli:op"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "scope read:orders belongs to api api_0195485a3c00bbbbbbbbbbbbbbbbbbbb, not to"
                + " api_0195485a3c00aaaaaaaaaaaaaaaaaaaa");
  }

  @Test
  void givenMissingOwner_newGrant_isRefused() {
    assertThatThrownBy(() -> new Grant(null, USERS, Set.of(), T0, "cli:op"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("grant owner is required");
  }

  @Test
  void givenScopes_newGrant_copiesThem() {
    Set<Scope> scopes = new HashSet<>(Set.of(READ_USERS));
    Grant grant = new Grant(ACME, USERS, scopes, T0, "cli:op");
    scopes.add(WRITE_USERS);

    assertThat(grant.scopes()).containsExactly(READ_USERS);
  }
}
