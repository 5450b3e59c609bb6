package dev.keygate.application.service;

import dev.keygate.application.port.in.AddApplicationScopeUseCase;
import dev.keygate.application.port.in.AddScopeUseCase;
import dev.keygate.application.port.in.AuthenticateUseCase;
import dev.keygate.application.port.in.AuthorizeApplicationsUseCase;
import dev.keygate.application.port.in.CreateApiKeyUseCase;
import dev.keygate.application.port.in.CreateApplicationUseCase;
import dev.keygate.application.port.in.CreateOrganizationUseCase;
import dev.keygate.application.port.in.CreatePortalLinkUseCase;
import dev.keygate.application.port.in.CreateRootKeyUseCase;
import dev.keygate.application.port.in.CreateUserUseCase;
import dev.keygate.application.port.in.CreateWebhookUseCase;
import dev.keygate.application.port.in.DeleteApiUseCase;
import dev.keygate.application.port.in.DeleteApplicationUseCase;
import dev.keygate.application.port.in.DeleteOrganizationUseCase;
import dev.keygate.application.port.in.DeleteScopeUseCase;
import dev.keygate.application.port.in.DeleteUserUseCase;
import dev.keygate.application.port.in.DeleteWebhookUseCase;
import dev.keygate.application.port.in.DisableApiKeyUseCase;
import dev.keygate.application.port.in.EnableApiKeyUseCase;
import dev.keygate.application.port.in.GetApiKeyUseCase;
import dev.keygate.application.port.in.GetApiUseCase;
import dev.keygate.application.port.in.GetApplicationUseCase;
import dev.keygate.application.port.in.GetOrganizationUseCase;
import dev.keygate.application.port.in.GetOwnerNameUseCase;
import dev.keygate.application.port.in.GetScopeUseCase;
import dev.keygate.application.port.in.GetUsageUseCase;
import dev.keygate.application.port.in.GetUserUseCase;
import dev.keygate.application.port.in.GetWebhookUseCase;
import dev.keygate.application.port.in.InitializeDeploymentUseCase;
import dev.keygate.application.port.in.IssueAccessTokenUseCase;
import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.application.port.in.ListApiKeysUseCase;
import dev.keygate.application.port.in.ListApisUseCase;
import dev.keygate.application.port.in.ListApplicationsUseCase;
import dev.keygate.application.port.in.ListAuditEventsUseCase;
import dev.keygate.application.port.in.ListDeliveriesUseCase;
import dev.keygate.application.port.in.ListGrantsUseCase;
import dev.keygate.application.port.in.ListOrganizationsUseCase;
import dev.keygate.application.port.in.ListScopesUseCase;
import dev.keygate.application.port.in.ListUsersUseCase;
import dev.keygate.application.port.in.ListWebhooksUseCase;
import dev.keygate.application.port.in.OwnerRateLimitsUseCase;
import dev.keygate.application.port.in.PublishSigningKeysUseCase;
import dev.keygate.application.port.in.RedeliverUseCase;
import dev.keygate.application.port.in.RegisterApiUseCase;
import dev.keygate.application.port.in.RemoveApplicationScopeUseCase;
import dev.keygate.application.port.in.RemoveGrantUseCase;
import dev.keygate.application.port.in.ReportLeakedTokensUseCase;
import dev.keygate.application.port.in.RevokeApiKeyUseCase;
import dev.keygate.application.port.in.RevokeLeakedTokensUseCase;
import dev.keygate.application.port.in.RollSigningKeyUseCase;
import dev.keygate.application.port.in.RotateApiKeyUseCase;
import dev.keygate.application.port.in.RotateApplicationSecretUseCase;
import dev.keygate.application.port.in.RotateWebhookSecretUseCase;
import dev.keygate.application.port.in.SetGrantUseCase;
import dev.keygate.application.port.in.SweepPortalLinksUseCase;
import dev.keygate.application.port.in.UpdateApiKeyUseCase;
import dev.keygate.application.port.in.UpdateApplicationUseCase;
import dev.keygate.application.port.in.UpdateOrganizationUseCase;
import dev.keygate.application.port.in.UpdateScopeUseCase;
import dev.keygate.application.port.in.UpdateUserUseCase;
import dev.keygate.application.port.in.UpdateWebhookUseCase;
import dev.keygate.application.port.in.VerifyApiKeyUseCase;
import dev.keygate.application.port.out.OutgoingPorts;
import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.domain.token.KeyPrefix;
import java.time.Clock;
import java.util.Objects;

/**
 * Every use case, built by hand from the outgoing ports: the one place where the application's
 * services meet their collaborators. Only the wiring builds it; everyone else sees it as {@link
 * KeygateUseCases}.
 */
public final class KeygateServices implements KeygateUseCases {

  private final RegisterApiUseCase registerApi;
  private final ListApisUseCase listApis;
  private final GetApiUseCase getApi;
  private final DeleteApiUseCase deleteApi;
  private final AddScopeUseCase addScope;
  private final ListScopesUseCase listScopes;
  private final GetScopeUseCase getScope;
  private final UpdateScopeUseCase updateScope;
  private final DeleteScopeUseCase deleteScope;
  private final CreateOrganizationUseCase createOrganization;
  private final ListOrganizationsUseCase listOrganizations;
  private final GetOrganizationUseCase getOrganization;
  private final CreateUserUseCase createUser;
  private final ListUsersUseCase listUsers;
  private final GetUserUseCase getUser;
  private final UpdateOrganizationUseCase updateOrganization;
  private final DeleteOrganizationUseCase deleteOrganization;
  private final UpdateUserUseCase updateUser;
  private final DeleteUserUseCase deleteUser;
  private final CreateApiKeyUseCase createApiKey;
  private final GetApiKeyUseCase getApiKey;
  private final ListApiKeysUseCase listApiKeys;
  private final RotateApiKeyUseCase rotateApiKey;
  private final DisableApiKeyUseCase disableApiKey;
  private final EnableApiKeyUseCase enableApiKey;
  private final RevokeApiKeyUseCase revokeApiKey;
  private final VerifyApiKeyUseCase verifyApiKey;
  private final ListAuditEventsUseCase listAuditEvents;
  private final UpdateApiKeyUseCase updateApiKey;
  private final GetUsageUseCase getUsage;
  private final OwnerRateLimitsUseCase ownerRateLimits;
  private final AuthenticateUseCase authenticate;
  private final InitializeDeploymentUseCase initializeDeployment;
  private final CreateRootKeyUseCase createRootKey;
  private final CreatePortalLinkUseCase createPortalLink;
  private final ListGrantsUseCase listGrants;
  private final SetGrantUseCase setGrant;
  private final RemoveGrantUseCase removeGrant;
  private final CreateApplicationUseCase createApplication;
  private final GetApplicationUseCase getApplication;
  private final ListApplicationsUseCase listApplications;
  private final UpdateApplicationUseCase updateApplication;
  private final DeleteApplicationUseCase deleteApplication;
  private final RotateApplicationSecretUseCase rotateApplicationSecret;
  private final AuthorizeApplicationsUseCase authorizeApplications;
  private final AddApplicationScopeUseCase addApplicationScope;
  private final RemoveApplicationScopeUseCase removeApplicationScope;
  private final IssueAccessTokenUseCase issueAccessToken;
  private final PublishSigningKeysUseCase publishSigningKeys;
  private final RollSigningKeyUseCase rollSigningKey;
  private final CreateWebhookUseCase createWebhook;
  private final ListWebhooksUseCase listWebhooks;
  private final GetWebhookUseCase getWebhook;
  private final UpdateWebhookUseCase updateWebhook;
  private final DeleteWebhookUseCase deleteWebhook;
  private final RotateWebhookSecretUseCase rotateWebhookSecret;
  private final ListDeliveriesUseCase listDeliveries;
  private final RedeliverUseCase redeliver;
  private final ReportLeakedTokensUseCase reportLeakedTokens;
  private final RevokeLeakedTokensUseCase revokeLeakedTokens;
  private final ChangeFollower changeFollower;
  private final WebhookDelivery webhookDelivery;
  private final SweepPortalLinksUseCase sweepPortalLinks;
  private final GetOwnerNameUseCase getOwnerName;

  /**
   * @param prefix the token prefix of this deployment, {@link KeyPrefix#DEFAULT} unless configured
   * @param clock the source of every timestamp
   * @param verification how fresh a verified key's state must be, and how many hashes may run
   * @param tenantLimits what one owner may hold when its own keys make keys for it
   */
  public KeygateServices(
      OutgoingPorts ports,
      KeyPrefix prefix,
      Clock clock,
      VerificationSettings verification,
      TenantLimits tenantLimits) {
    this(ports, prefix, clock, verification, tenantLimits, AccessTokenSettings.DEFAULTS);
  }

  /**
   * @param accessTokens how long the access tokens of M2M applications live
   */
  public KeygateServices(
      OutgoingPorts ports,
      KeyPrefix prefix,
      Clock clock,
      VerificationSettings verification,
      TenantLimits tenantLimits,
      AccessTokenSettings accessTokens) {
    this(ports, prefix, clock, verification, tenantLimits, accessTokens, WebhookSettings.DEFAULTS);
  }

  /**
   * @param webhooks how leaks are answered and webhooks delivered
   */
  public KeygateServices(
      OutgoingPorts ports,
      KeyPrefix prefix,
      Clock clock,
      VerificationSettings verification,
      TenantLimits tenantLimits,
      AccessTokenSettings accessTokens,
      WebhookSettings webhooks) {
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(webhooks, "webhook settings");
    Objects.requireNonNull(accessTokens, "access token settings");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(verification, "verification settings");
    Objects.requireNonNull(tenantLimits, "tenant limits");
    AuditTrail trail = new AuditTrail(ports.auditLog(), clock);
    Changes changes = new Changes(ports.unitOfWork(), trail);
    Authorization authorization = new Authorization(trail, ports.apis(), ports.grants());
    OwnerLimits ownerLimits = new OwnerLimits(ports.apiKeys(), ports.creationQuota(), tenantLimits);
    ApiLookup apiLookup = new ApiLookup(ports.apis());
    SecretHasher hasher =
        new HashBulkhead(ports.hasher(), verification.hashingSlots(), verification.hashingWait());
    changeFollower =
        new ChangeFollower(
            ports.changeFeed(), ports.keyStates(), verification.followBound(), clock);
    KeyStates keyStates =
        new KeyStates(ports.apiKeys(), ports.keyStates(), verification.mode(), changeFollower);
    KeyMint mint = new KeyMint(ports.keyGenerator(), hasher, prefix);
    KeyEvents events = new KeyEvents(ports.outbox(), clock);
    KeyTransitions transitions =
        new KeyTransitions(
            ports.apiKeys(),
            ports.verifiedSecrets(),
            keyStates,
            authorization,
            changes,
            ports.unitOfWork(),
            events);

    registerApi = new RegisterApiService(ports.apis(), authorization, changes, clock);
    listApis = new ListApisService(ports.apis(), authorization);
    getApi = new GetApiService(ports.apis(), apiLookup, authorization);
    deleteApi =
        new DeleteApiService(ports.apis(), ports.apiKeys(), apiLookup, authorization, changes);
    addScope = new AddScopeService(ports.apis(), apiLookup, authorization, changes, clock);
    listScopes = new ListScopesService(ports.apis(), apiLookup, authorization);
    getScope = new GetScopeService(apiLookup, authorization);
    updateScope = new UpdateScopeService(ports.apis(), apiLookup, authorization, changes);
    deleteScope =
        new DeleteScopeService(ports.apis(), ports.apiKeys(), apiLookup, authorization, changes);
    OwnerRemoval removal = new OwnerRemoval(ports.apiKeys(), ports.grants(), clock);
    createOrganization =
        new CreateOrganizationService(ports.owners(), removal, authorization, changes, clock);
    listOrganizations = new ListOrganizationsService(ports.owners(), authorization);
    getOrganization = new GetOrganizationService(ports.owners(), authorization);
    createUser = new CreateUserService(ports.owners(), removal, authorization, changes, clock);
    listUsers = new ListUsersService(ports.owners(), authorization);
    getUser = new GetUserService(ports.owners(), authorization);
    updateOrganization = new UpdateOrganizationService(ports.owners(), authorization, changes);
    deleteOrganization =
        new DeleteOrganizationService(
            ports.owners(),
            ports.applications(),
            ports.webhooks(),
            removal,
            authorization,
            changes);
    updateUser = new UpdateUserService(ports.owners(), authorization, changes);
    deleteUser = new DeleteUserService(ports.owners(), removal, authorization, changes);
    Metering metering = new Metering(ports.credits());
    createApiKey =
        new CreateApiKeyService(
            ports.apiKeys(),
            apiLookup,
            ports.owners(),
            mint,
            authorization,
            ownerLimits,
            changes,
            metering,
            events,
            clock);
    getApiKey = new GetApiKeyService(ports.apiKeys(), authorization);
    getOwnerName = new GetOwnerNameService(ports.owners(), authorization);
    listApiKeys = new ListApiKeysService(ports.apiKeys(), authorization);
    rotateApiKey = new RotateApiKeyService(transitions, mint, authorization, clock);
    disableApiKey = new DisableApiKeyService(transitions);
    enableApiKey = new EnableApiKeyService(transitions);
    revokeApiKey = new RevokeApiKeyService(transitions, clock);
    VerifyApiKeyService verifier =
        new VerifyApiKeyService(
            ports.apiKeys(),
            keyStates,
            hasher,
            ports.verifiedSecrets(),
            ports.failedAttempts(),
            ports.usage(),
            ports.verificationMetrics(),
            authorization,
            transitions,
            new UsageEnforcement(ports.rateLimiter(), ports.credits()),
            clock);
    verifyApiKey = verifier;
    listAuditEvents = new ListAuditEventsService(ports.auditLog(), authorization);
    updateApiKey = new UpdateApiKeyService(transitions, authorization, metering, clock);
    getUsage =
        new GetUsageService(
            ports.apiKeys(), ports.owners(), ports.usageHistory(), authorization, clock);
    ownerRateLimits = new OwnerRateLimitsService(ports.owners(), authorization, changes, keyStates);
    Makers makers = new Makers(keyStates, clock);
    SigningKeys signingKeys =
        new SigningKeys(
            ports.signingKeys(), ports.accessTokens(), changes, clock, accessTokens.lifetime());
    authenticate =
        new AuthenticateService(
            verifier,
            ports.verifiedSecrets(),
            ports.keyStates(),
            makers,
            ports.apis(),
            ports.applications(),
            ports.accessTokens(),
            signingKeys,
            clock);
    Applications applications =
        new Applications(ports.applications(), ports.apis(), authorization, trail);
    createApplication =
        new CreateApplicationService(
            ports.applications(),
            ports.owners(),
            apiLookup,
            applications,
            authorization,
            ports.keyGenerator(),
            hasher,
            changes,
            clock);
    getApplication = new GetApplicationService(applications, authorization);
    listApplications = new ListApplicationsService(ports.applications(), authorization);
    updateApplication =
        new UpdateApplicationService(ports.applications(), applications, authorization, changes);
    deleteApplication =
        new DeleteApplicationService(ports.applications(), applications, authorization, changes);
    rotateApplicationSecret =
        new RotateApplicationSecretService(
            ports.applications(),
            applications,
            authorization,
            ports.keyGenerator(),
            hasher,
            changes);
    authorizeApplications =
        new AuthorizeApplicationsService(
            ports.applications(), apiLookup, applications, authorization, changes);
    addApplicationScope =
        new AddApplicationScopeService(
            ports.applications(), apiLookup, applications, authorization, changes);
    removeApplicationScope =
        new RemoveApplicationScopeService(
            ports.applications(), apiLookup, applications, authorization, changes);
    issueAccessToken =
        new IssueAccessTokenService(
            ports.applications(),
            ports.apis(),
            hasher,
            ports.failedAttempts(),
            ports.accessTokens(),
            signingKeys,
            makers,
            clock,
            accessTokens.lifetime());
    publishSigningKeys = new PublishSigningKeysService(signingKeys, ports.accessTokens());
    rollSigningKey = new RollSigningKeyService(signingKeys, authorization);
    initializeDeployment =
        new InitializeDeploymentService(
            ports.apis(),
            ports.apiKeys(),
            ports.owners(),
            ports.deploymentLock(),
            createApiKey,
            transitions,
            changes,
            clock);
    createRootKey = new CreateRootKeyService(ports.apis(), ports.owners(), createApiKey);
    createPortalLink =
        new CreatePortalLinkService(
            ports.apiKeys(),
            ports.apis(),
            ports.owners(),
            mint,
            authorization,
            ownerLimits,
            changes,
            events,
            clock);
    listGrants = new ListGrantsService(ports.grants(), ports.owners(), authorization);
    setGrant =
        new SetGrantService(
            ports.grants(), ports.owners(), apiLookup, authorization, changes, clock);
    removeGrant = new RemoveGrantService(ports.grants(), ports.owners(), authorization, changes);
    Webhooks webhookReach = new Webhooks(ports.webhooks(), trail);
    createWebhook =
        new CreateWebhookService(
            ports.webhooks(),
            ports.owners(),
            webhookReach,
            authorization,
            ports.webhookSender(),
            changes,
            clock);
    listWebhooks = new ListWebhooksService(ports.webhooks(), webhookReach, authorization);
    getWebhook = new GetWebhookService(webhookReach, authorization);
    updateWebhook =
        new UpdateWebhookService(ports.webhooks(), webhookReach, authorization, changes);
    deleteWebhook =
        new DeleteWebhookService(ports.webhooks(), webhookReach, authorization, changes);
    rotateWebhookSecret =
        new RotateWebhookSecretService(
            ports.webhooks(), webhookReach, authorization, ports.webhookSender(), changes);
    listDeliveries = new ListDeliveriesService(ports.outbox(), webhookReach, authorization);
    redeliver = new RedeliverService(ports.outbox(), webhookReach, authorization, changes, clock);
    LeakedTokens leaks =
        new LeakedTokens(
            ports.apiKeys(),
            hasher,
            ports.verifiedSecrets(),
            ports.failedAttempts(),
            transitions,
            events,
            changes,
            clock);
    reportLeakedTokens =
        new ReportLeakedTokensService(ports.scanningSignatures(), leaks, webhooks.leakPolicy());
    revokeLeakedTokens = new RevokeLeakedTokensService(ports.rateLimiter(), leaks, clock);
    sweepPortalLinks =
        new SweepPortalLinksService(
            ports.apiKeys(),
            ports.auditLog(),
            ports.unitOfWork(),
            keyStates,
            ports.verifiedSecrets(),
            clock);
    webhookDelivery =
        new WebhookDelivery(
            ports.outbox(),
            ports.webhookSender(),
            ports.apiKeys(),
            events,
            ports.unitOfWork(),
            webhooks,
            clock);
  }

  /**
   * What follows the change feed for this node's verifications; in {@link VerifyMode#FOLLOW} the
   * node runs it on a thread of its own, and verifies strictly whenever it falls behind.
   */
  public ChangeFollower changeFollower() {
    return changeFollower;
  }

  /**
   * What sends the webhooks' deliveries, appends expiry notices and prunes the delivery log; the
   * node runs it on a schedule of its own.
   */
  public WebhookDelivery webhookDelivery() {
    return webhookDelivery;
  }

  /**
   * What removes expired portal links' keys: not a use case any caller asks for, so not among
   * {@link KeygateUseCases}; the node runs it on a schedule of its own.
   */
  public SweepPortalLinksUseCase sweepPortalLinks() {
    return sweepPortalLinks;
  }

  @Override
  public GetOwnerNameUseCase getOwnerName() {
    return getOwnerName;
  }

  @Override
  public RegisterApiUseCase registerApi() {
    return registerApi;
  }

  @Override
  public ListApisUseCase listApis() {
    return listApis;
  }

  @Override
  public GetApiUseCase getApi() {
    return getApi;
  }

  @Override
  public DeleteApiUseCase deleteApi() {
    return deleteApi;
  }

  @Override
  public AddScopeUseCase addScope() {
    return addScope;
  }

  @Override
  public ListScopesUseCase listScopes() {
    return listScopes;
  }

  @Override
  public GetScopeUseCase getScope() {
    return getScope;
  }

  @Override
  public UpdateScopeUseCase updateScope() {
    return updateScope;
  }

  @Override
  public DeleteScopeUseCase deleteScope() {
    return deleteScope;
  }

  @Override
  public CreateOrganizationUseCase createOrganization() {
    return createOrganization;
  }

  @Override
  public ListOrganizationsUseCase listOrganizations() {
    return listOrganizations;
  }

  @Override
  public GetOrganizationUseCase getOrganization() {
    return getOrganization;
  }

  @Override
  public CreateUserUseCase createUser() {
    return createUser;
  }

  @Override
  public ListUsersUseCase listUsers() {
    return listUsers;
  }

  @Override
  public GetUserUseCase getUser() {
    return getUser;
  }

  @Override
  public UpdateOrganizationUseCase updateOrganization() {
    return updateOrganization;
  }

  @Override
  public DeleteOrganizationUseCase deleteOrganization() {
    return deleteOrganization;
  }

  @Override
  public UpdateUserUseCase updateUser() {
    return updateUser;
  }

  @Override
  public DeleteUserUseCase deleteUser() {
    return deleteUser;
  }

  @Override
  public CreateApiKeyUseCase createApiKey() {
    return createApiKey;
  }

  @Override
  public GetApiKeyUseCase getApiKey() {
    return getApiKey;
  }

  @Override
  public ListApiKeysUseCase listApiKeys() {
    return listApiKeys;
  }

  @Override
  public RotateApiKeyUseCase rotateApiKey() {
    return rotateApiKey;
  }

  @Override
  public DisableApiKeyUseCase disableApiKey() {
    return disableApiKey;
  }

  @Override
  public EnableApiKeyUseCase enableApiKey() {
    return enableApiKey;
  }

  @Override
  public RevokeApiKeyUseCase revokeApiKey() {
    return revokeApiKey;
  }

  @Override
  public VerifyApiKeyUseCase verifyApiKey() {
    return verifyApiKey;
  }

  @Override
  public ListAuditEventsUseCase listAuditEvents() {
    return listAuditEvents;
  }

  @Override
  public UpdateApiKeyUseCase updateApiKey() {
    return updateApiKey;
  }

  @Override
  public GetUsageUseCase getUsage() {
    return getUsage;
  }

  @Override
  public OwnerRateLimitsUseCase ownerRateLimits() {
    return ownerRateLimits;
  }

  @Override
  public AuthenticateUseCase authenticate() {
    return authenticate;
  }

  @Override
  public InitializeDeploymentUseCase initializeDeployment() {
    return initializeDeployment;
  }

  @Override
  public CreateRootKeyUseCase createRootKey() {
    return createRootKey;
  }

  @Override
  public CreatePortalLinkUseCase createPortalLink() {
    return createPortalLink;
  }

  @Override
  public ListGrantsUseCase listGrants() {
    return listGrants;
  }

  @Override
  public SetGrantUseCase setGrant() {
    return setGrant;
  }

  @Override
  public RemoveGrantUseCase removeGrant() {
    return removeGrant;
  }

  @Override
  public CreateApplicationUseCase createApplication() {
    return createApplication;
  }

  @Override
  public GetApplicationUseCase getApplication() {
    return getApplication;
  }

  @Override
  public ListApplicationsUseCase listApplications() {
    return listApplications;
  }

  @Override
  public UpdateApplicationUseCase updateApplication() {
    return updateApplication;
  }

  @Override
  public DeleteApplicationUseCase deleteApplication() {
    return deleteApplication;
  }

  @Override
  public RotateApplicationSecretUseCase rotateApplicationSecret() {
    return rotateApplicationSecret;
  }

  @Override
  public AuthorizeApplicationsUseCase authorizeApplications() {
    return authorizeApplications;
  }

  @Override
  public AddApplicationScopeUseCase addApplicationScope() {
    return addApplicationScope;
  }

  @Override
  public RemoveApplicationScopeUseCase removeApplicationScope() {
    return removeApplicationScope;
  }

  @Override
  public IssueAccessTokenUseCase issueAccessToken() {
    return issueAccessToken;
  }

  @Override
  public PublishSigningKeysUseCase publishSigningKeys() {
    return publishSigningKeys;
  }

  @Override
  public RollSigningKeyUseCase rollSigningKey() {
    return rollSigningKey;
  }

  @Override
  public CreateWebhookUseCase createWebhook() {
    return createWebhook;
  }

  @Override
  public ListWebhooksUseCase listWebhooks() {
    return listWebhooks;
  }

  @Override
  public GetWebhookUseCase getWebhook() {
    return getWebhook;
  }

  @Override
  public UpdateWebhookUseCase updateWebhook() {
    return updateWebhook;
  }

  @Override
  public DeleteWebhookUseCase deleteWebhook() {
    return deleteWebhook;
  }

  @Override
  public RotateWebhookSecretUseCase rotateWebhookSecret() {
    return rotateWebhookSecret;
  }

  @Override
  public ListDeliveriesUseCase listDeliveries() {
    return listDeliveries;
  }

  @Override
  public RedeliverUseCase redeliver() {
    return redeliver;
  }

  @Override
  public ReportLeakedTokensUseCase reportLeakedTokens() {
    return reportLeakedTokens;
  }

  @Override
  public RevokeLeakedTokensUseCase revokeLeakedTokens() {
    return revokeLeakedTokens;
  }
}
