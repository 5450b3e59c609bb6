package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.fake.TestQueries;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.OwnerType;
import dev.keygate.domain.owner.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing keys as the operator: filters and keyset pages. */
class ListApiKeysServiceTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));
  private static final Owner ALICE = new Owner.User(new UserId("kp_alice"));

  private final TestKeygate t = new TestKeygate();
  private Api users;
  private Api billing;
  private ApiKeyId orgAUsers;
  private ApiKeyId orgARevoked;
  private ApiKeyId orgBBilling;
  private ApiKeyId aliceUsers;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    t.createOrganization("org_b");
    t.createUser("kp_alice");
    users = t.registerApi("users");
    billing = t.registerApi("billing");
    orgAUsers = issue(ORG_A, users);
    orgARevoked = issue(ORG_A, billing);
    t.services.revokeApiKey().revoke(OPERATOR, orgARevoked);
    orgBBilling = issue(ORG_B, billing);
    aliceUsers = issue(ALICE, users);
  }

  /** Issues a key a millisecond after the previous one, so that id order is issue order. */
  private ApiKeyId issue(Owner owner, Api api) {
    t.clock.advance(Duration.ofMillis(1));
    return t.issueKey(owner, api).key().id();
  }

  private List<ApiKeyId> list(ApiKeyFilter filter) {
    return t.services.listApiKeys().list(OPERATOR, filter, PageRequest.first()).items().stream()
        .map(ApiKey::id)
        .toList();
  }

  private static ApiKeyFilter filter(
      Optional<OwnerType> type,
      Optional<Owner> owner,
      Optional<ApiKeyStatus> status,
      Optional<ApiId> api) {
    return new ApiKeyFilter(type, owner, status, api);
  }

  @Test
  void givenNoFilter_list_answersEveryKeyInIdOrder() {
    assertThat(list(ApiKeyFilter.ALL))
        .containsExactly(orgAUsers, orgARevoked, orgBBilling, aliceUsers);
  }

  @Test
  void givenOwnerFilter_list_answersThatOwnersKeysOnly() {
    assertThat(list(ApiKeyFilter.ALL.ownedBy(ORG_A))).containsExactly(orgAUsers, orgARevoked);
    assertThat(list(ApiKeyFilter.ALL.ownedBy(ALICE))).containsExactly(aliceUsers);
  }

  @Test
  void givenStatusFilter_list_answersKeysInThatStatusOnly() {
    assertThat(list(TestQueries.keysIn(ApiKeyStatus.REVOKED))).containsExactly(orgARevoked);
    assertThat(list(TestQueries.keysIn(ApiKeyStatus.ACTIVE)))
        .containsExactly(orgAUsers, orgBBilling, aliceUsers);
    assertThat(list(TestQueries.keysIn(ApiKeyStatus.INACTIVE))).isEmpty();
  }

  @Test
  void givenKeyTypeFilter_list_answersKeysOfThatOwnerTypeOnly() {
    assertThat(
            list(
                filter(
                    Optional.of(OwnerType.USER),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())))
        .containsExactly(aliceUsers);
    assertThat(
            list(
                filter(
                    Optional.of(OwnerType.ORGANIZATION),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())))
        .containsExactly(orgAUsers, orgARevoked, orgBBilling);
  }

  @Test
  void givenApiFilter_list_answersKeysOfThatApiOnly() {
    assertThat(
            list(
                filter(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(users.id()))))
        .containsExactly(orgAUsers, aliceUsers);
  }

  @Test
  void givenCombinedFilters_list_answersKeysPassingAllOfThem() {
    ApiKeyFilter activeBillingOfOrgs =
        filter(
            Optional.of(OwnerType.ORGANIZATION),
            Optional.empty(),
            Optional.of(ApiKeyStatus.ACTIVE),
            Optional.of(billing.id()));

    assertThat(list(activeBillingOfOrgs)).containsExactly(orgBBilling);
  }

  @Test
  void givenMoreKeysThanAPage_list_pagesAfterTheLastIdSeen() {
    Page<ApiKey> first =
        t.services.listApiKeys().list(OPERATOR, ApiKeyFilter.ALL, PageRequest.first(3));
    String lastSeen = first.items().get(2).id().value();
    Page<ApiKey> second =
        t.services
            .listApiKeys()
            .list(OPERATOR, ApiKeyFilter.ALL, new PageRequest(3, Optional.of(lastSeen)));

    assertThat(first.items())
        .extracting(ApiKey::id)
        .containsExactly(orgAUsers, orgARevoked, orgBBilling);
    assertThat(first.hasMore()).isTrue();
    assertThat(second.items()).extracting(ApiKey::id).containsExactly(aliceUsers);
    assertThat(second.hasMore()).isFalse();
  }

  @Test
  void givenExactlyAPageOfKeys_list_saysNoMoreFollow() {
    Page<ApiKey> page =
        t.services.listApiKeys().list(OPERATOR, ApiKeyFilter.ALL, PageRequest.first(4));

    assertThat(page.items()).hasSize(4);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void givenPageSizeOne_list_walksEveryKeyOnce() {
    List<ApiKeyId> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    boolean more = true;
    while (more) {
      Page<ApiKey> page =
          t.services.listApiKeys().list(OPERATOR, ApiKeyFilter.ALL, new PageRequest(1, after));
      page.items().forEach(key -> seen.add(key.id()));
      after = Optional.of(seen.get(seen.size() - 1).value());
      more = page.hasMore();
    }

    assertThat(seen).containsExactly(orgAUsers, orgARevoked, orgBBilling, aliceUsers);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 501})
  void givenPageSizeOutOfRange_list_answersValidationNamingTheSize(int size) {
    assertThatThrownBy(
            () ->
                t.services
                    .listApiKeys()
                    .list(OPERATOR, ApiKeyFilter.ALL, new PageRequest(size, Optional.empty())))
        .isInstanceOf(ValidationException.class)
        .hasMessage("page size must be 1-500, was " + size);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 500})
  void givenPageSizeAtTheBounds_list_accepts(int size) {
    Page<ApiKey> page =
        t.services
            .listApiKeys()
            .list(OPERATOR, ApiKeyFilter.ALL, new PageRequest(size, Optional.empty()));

    assertThat(page.items()).hasSize(Math.min(size, 4));
    assertThat(page.hasMore()).isEqualTo(size < 4);
  }

  @Test
  void givenListedKeys_list_showsTheirDisplayPrefixAndSuffix() {
    ApiKey listed =
        t.services
            .listApiKeys()
            .list(OPERATOR, ApiKeyFilter.ALL, PageRequest.first())
            .items()
            .get(0);

    assertThat(listed.currentSecret().displayPrefix()).matches("k_live_[0-9A-Za-z]{6}");
    assertThat(listed.currentSecret().suffix()).matches("[0-9A-Za-z]{4}");
  }
}
