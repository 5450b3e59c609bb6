package dev.keygate.application.fake;

import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.CreateUserCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.SetGrantCommand;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.OutgoingPorts;
import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.application.service.AccessTokenSettings;
import dev.keygate.application.service.KeygateServices;
import dev.keygate.application.service.TenantLimits;
import dev.keygate.application.service.VerificationSettings;
import dev.keygate.application.service.VerifyMode;
import dev.keygate.application.service.WebhookSettings;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import dev.keygate.domain.token.TokenFormat;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole application wired on in-memory fakes, with a few one-line fixtures. Adapter tests can
 * swap in a real hasher or cache.
 */
public final class TestKeygate {

  /** The operator, with every management scope over the whole deployment. */
  public static final Principal OPERATOR = Principal.operator("test:operator");

  public final MutableClock clock = MutableClock.atNewYear();
  public final InMemoryChangeFeed changeFeed = new InMemoryChangeFeed();
  public final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository(changeFeed);
  public final InMemoryApiRepository apis = new InMemoryApiRepository();
  public final InMemoryOwnerRepository owners = new InMemoryOwnerRepository(apiKeys);
  public final InMemoryRateLimiter rateLimiter = new InMemoryRateLimiter();
  public final InMemoryCreditLedger credits = new InMemoryCreditLedger();
  public final InMemoryAuditLog auditLog = new InMemoryAuditLog();
  public final InMemoryUsageRecorder usage = new InMemoryUsageRecorder();
  public final InMemoryVerificationMetrics verificationMetrics = new InMemoryVerificationMetrics();
  public final InMemoryKeyStateCache keyStates = new InMemoryKeyStateCache();
  public final InMemoryDeploymentLock deploymentLock = new InMemoryDeploymentLock();
  public final InMemoryFailedAttempts failedAttempts =
      new InMemoryFailedAttempts(FAILED_ATTEMPTS_LIMIT);
  public final InMemoryGrantRepository grants = new InMemoryGrantRepository(apis, changeFeed);
  public final InMemoryCreationQuota creationQuota =
      new InMemoryCreationQuota(CREATIONS_PER_MINUTE);
  public final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
  public final InMemoryApplicationRepository applications =
      new InMemoryApplicationRepository(apis, changeFeed);
  public final InMemorySigningKeyRepository signingKeys =
      new InMemorySigningKeyRepository(changeFeed);
  public final FakeAccessTokens accessTokens = new FakeAccessTokens();
  public final InMemoryWebhookRepository webhooks = new InMemoryWebhookRepository();
  public final InMemoryOutbox outbox = new InMemoryOutbox(webhooks, clock);
  public final FakeWebhookSender webhookSender = new FakeWebhookSender();
  public final FakeScanningSignatures scanningSignatures = new FakeScanningSignatures();
  public final SecretHasher hasher;
  public final VerifiedSecretCache verifiedSecrets;
  public final KeygateServices services;
  private final VerificationSettings verification;
  private final TenantLimits tenantLimits;
  private final WebhookSettings webhookSettings;

  /** Failures of one lookup before the fake locks it out, as the real default. */
  public static final int FAILED_ATTEMPTS_LIMIT = 10;

  /** Keys a confined caller may make for one owner before the fake quota says wait. */
  public static final int CREATIONS_PER_MINUTE = 60;

  /** Verification as the tests expect it unless they say otherwise: strict. */
  public static final VerificationSettings STRICT =
      VerificationSettings.DEFAULTS.inMode(VerifyMode.STRICT);

  /** Fakes everywhere: a counting SHA-256 hasher and maps as caches; strict verification. */
  public TestKeygate() {
    this(new CountingSecretHasher(), new InMemoryVerifiedSecretCache());
  }

  /** Fakes everywhere, verification as {@code verification} says. */
  public TestKeygate(VerificationSettings verification) {
    this(new CountingSecretHasher(), new InMemoryVerifiedSecretCache(), verification);
  }

  public TestKeygate(SecretHasher hasher, VerifiedSecretCache verifiedSecrets) {
    this(hasher, verifiedSecrets, STRICT);
  }

  public TestKeygate(
      SecretHasher hasher, VerifiedSecretCache verifiedSecrets, VerificationSettings verification) {
    this(hasher, verifiedSecrets, verification, TenantLimits.DEFAULTS);
  }

  /** Fakes everywhere, tenants held to {@code tenantLimits}. */
  public TestKeygate(TenantLimits tenantLimits) {
    this(new CountingSecretHasher(), new InMemoryVerifiedSecretCache(), STRICT, tenantLimits);
  }

  /** Fakes everywhere, leaks and webhooks as {@code webhookSettings} say. */
  public TestKeygate(WebhookSettings webhookSettings) {
    this(
        new CountingSecretHasher(),
        new InMemoryVerifiedSecretCache(),
        STRICT,
        TenantLimits.DEFAULTS,
        webhookSettings);
  }

  public TestKeygate(
      SecretHasher hasher,
      VerifiedSecretCache verifiedSecrets,
      VerificationSettings verification,
      TenantLimits tenantLimits) {
    this(hasher, verifiedSecrets, verification, tenantLimits, WebhookSettings.DEFAULTS);
  }

  public TestKeygate(
      SecretHasher hasher,
      VerifiedSecretCache verifiedSecrets,
      VerificationSettings verification,
      TenantLimits tenantLimits,
      WebhookSettings webhookSettings) {
    this.webhookSettings = webhookSettings;
    this.hasher = hasher;
    this.verifiedSecrets = verifiedSecrets;
    this.verification = verification;
    this.tenantLimits = tenantLimits;
    this.services = servicesOver(apiKeys, apis);
  }

  /**
   * The use cases of this deployment read and written through {@code apiKeys} and {@code apis},
   * such as repositories that lose a race, with every other part shared.
   */
  public KeygateServices servicesOver(ApiKeyRepository apiKeys, ApiRepository apis) {
    OutgoingPorts ports =
        new OutgoingPorts(
            apiKeys,
            apis,
            owners,
            grants,
            auditLog,
            usage,
            hasher,
            new FakeKeyGenerator(42),
            verifiedSecrets,
            keyStates,
            changeFeed,
            failedAttempts,
            creationQuota,
            verificationMetrics,
            deploymentLock,
            unitOfWork,
            applications,
            signingKeys,
            accessTokens,
            rateLimiter,
            credits,
            usage,
            webhooks,
            outbox,
            webhookSender,
            scanningSignatures);
    usage.ownersFrom(id -> apiKeys.findById(id).map(ApiKey::owner).orElse(null));
    return new KeygateServices(
        ports,
        KeyPrefix.DEFAULT,
        clock,
        verification,
        tenantLimits,
        AccessTokenSettings.DEFAULTS,
        webhookSettings);
  }

  /** The hasher, when it is the counting fake. */
  public CountingSecretHasher countingHasher() {
    return (CountingSecretHasher) hasher;
  }

  public Api registerApi(String audience) {
    return services
        .registerApi()
        .register(OPERATOR, new RegisterApiCommand("API " + audience, audience));
  }

  public Scope addScope(Api api, String key) {
    return services.addScope().add(OPERATOR, new AddScopeCommand(api.id(), key, "may " + key));
  }

  public Organization createOrganization(String code) {
    return services
        .createOrganization()
        .create(
            OPERATOR, new CreateOrganizationCommand("Org " + code, Optional.of(new OrgCode(code))));
  }

  public UserAccount createUser(String id) {
    return services
        .createUser()
        .create(
            OPERATOR,
            new CreateUserCommand(Optional.of(new UserId(id)), "User " + id, Optional.empty()));
  }

  /** Lets {@code owner} hold {@code scopes} of {@code api}, as the operator decides. */
  public Grant grant(Owner owner, Api api, String... scopes) {
    return services.setGrant().set(OPERATOR, new SetGrantCommand(owner, api.id(), List.of(scopes)));
  }

  /** A key issued by the operator. */
  public IssuedApiKey issueKey(Owner owner, Api api, String... scopes) {
    return services
        .createApiKey()
        .create(
            OPERATOR,
            new CreateApiKeyCommand(
                "key of " + owner.id(), api.id(), List.of(scopes), owner, Optional.empty()));
  }

  /** Verifies as the operator. */
  public Verification verify(IssuedApiKey issued, String... requiredScopes) {
    return verify(issued.token().reveal(), requiredScopes);
  }

  /** Verifies as the operator. */
  public Verification verify(String token, String... requiredScopes) {
    return services.verifyApiKey().verify(OPERATOR, VerifyApiKeyCommand.of(token, requiredScopes));
  }

  /** An organization admin with the given management scopes, or all of them if none are given. */
  public static Principal orgAdmin(String orgCode, ManagementScope... scopes) {
    return Principal.confinedTo(
        "test:admin-of-" + orgCode, new Owner.Org(new OrgCode(orgCode)), scopesOrAll(scopes));
  }

  /** A user acting for themselves, with the given management scopes or all of them. */
  public static Principal userPrincipal(String userId, ManagementScope... scopes) {
    return Principal.confinedTo(
        "test:user-" + userId, new Owner.User(new UserId(userId)), scopesOrAll(scopes));
  }

  /** The same principal, its authority ending at {@code end}, as a portal link's does. */
  public static Principal endingAt(Principal principal, Instant end) {
    return new Principal(
        principal.actor(),
        principal.authority(),
        principal.scopes(),
        Optional.of(end),
        principal.key());
  }

  /** The operator without {@code missing}. */
  public static Principal operatorWithout(ManagementScope missing) {
    Set<ManagementScope> scopes = EnumSet.allOf(ManagementScope.class);
    scopes.remove(missing);
    return new Principal("test:limited-operator", OPERATOR.authority(), scopes);
  }

  /** The operator's reach with only the given management scopes (none at all if none given). */
  public static Principal operatorHolding(ManagementScope... scopes) {
    Set<ManagementScope> held = EnumSet.noneOf(ManagementScope.class);
    held.addAll(List.of(scopes));
    return new Principal("test:limited-operator", OPERATOR.authority(), held);
  }

  /**
   * Registers Keygate's own management API with every management scope, the way {@code keygate
   * init} does: its scopes are fixed, so they go straight into the repository.
   */
  public Api registerManagementApi() {
    // The audience is reserved: the use case refuses it, so this stores it as init does.
    Api api = Api.register("Keygate management", Api.MANAGEMENT_AUDIENCE, clock);
    apis.add(api);
    for (ManagementScope scope : ManagementScope.values()) {
      apis.addScope(Scope.define(api.id(), scope.key(), "Keygate " + scope.key(), clock));
    }
    return api;
  }

  /** The key as stored now, read without counting as a repository read. */
  public ApiKey stored(ApiKeyId id) {
    return apiKeys.all().stream()
        .filter(key -> key.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stored api key " + id));
  }

  /** The secret part of a token: what must never be stored, printed or audited. */
  public static String secretOf(String token) {
    int secretStart = bodyStart(token) + TokenFormat.LOOKUP_LENGTH;
    return token.substring(secretStart, secretStart + TokenFormat.SECRET_LENGTH);
  }

  /** The lookup part of a token. */
  public static SecretLookup lookupOf(String token) {
    int start = bodyStart(token);
    return new SecretLookup(token.substring(start, start + TokenFormat.LOOKUP_LENGTH));
  }

  /**
   * A well-formed token with the same prefix and lookup but another secret and a correct checksum:
   * it reaches the hash check and fails there.
   */
  public static String withWrongSecret(String token) {
    char[] secret = secretOf(token).toCharArray();
    secret[0] = secret[0] == 'A' ? 'B' : 'A';
    KeyPrefix prefix = new KeyPrefix(token.substring(0, bodyStart(token) - 1));
    return TokenFormat.compose(prefix, lookupOf(token), secret).reveal();
  }

  /** The token with one character of its secret mistyped, so that its checksum fails. */
  public static String withTypo(String token) {
    char[] chars = token.toCharArray();
    int at = bodyStart(token) + TokenFormat.LOOKUP_LENGTH + 5;
    chars[at] = chars[at] == 'x' ? 'y' : 'x';
    return new String(chars);
  }

  /** A well-formed token with a sound checksum whose lookup was never issued. */
  public static String unknownToken() {
    FakeKeyGenerator generator = new FakeKeyGenerator(-1);
    return TokenFormat.compose(KeyPrefix.DEFAULT, generator.newLookup(), generator.newSecret())
        .reveal();
  }

  private static int bodyStart(String token) {
    return token.length()
        - TokenFormat.LOOKUP_LENGTH
        - TokenFormat.SECRET_LENGTH
        - TokenFormat.CHECKSUM_LENGTH;
  }

  private static Set<ManagementScope> scopesOrAll(ManagementScope... scopes) {
    return scopes.length == 0 ? EnumSet.allOf(ManagementScope.class) : Set.of(scopes);
  }
}
