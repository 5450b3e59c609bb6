package dev.keygate.application.port.in;

/**
 * Every use case of Keygate, one getter each: what the driving adapters (the REST server, the
 * command line) and an embedding application are handed. How each is done is the application's own
 * business.
 */
public interface KeygateUseCases {

  RegisterApiUseCase registerApi();

  ListApisUseCase listApis();

  GetApiUseCase getApi();

  DeleteApiUseCase deleteApi();

  AddScopeUseCase addScope();

  ListScopesUseCase listScopes();

  GetScopeUseCase getScope();

  UpdateScopeUseCase updateScope();

  DeleteScopeUseCase deleteScope();

  CreateOrganizationUseCase createOrganization();

  ListOrganizationsUseCase listOrganizations();

  GetOrganizationUseCase getOrganization();

  GetOwnerNameUseCase getOwnerName();

  CreateUserUseCase createUser();

  ListUsersUseCase listUsers();

  GetUserUseCase getUser();

  UpdateOrganizationUseCase updateOrganization();

  DeleteOrganizationUseCase deleteOrganization();

  UpdateUserUseCase updateUser();

  DeleteUserUseCase deleteUser();

  CreateApiKeyUseCase createApiKey();

  GetApiKeyUseCase getApiKey();

  ListApiKeysUseCase listApiKeys();

  RotateApiKeyUseCase rotateApiKey();

  DisableApiKeyUseCase disableApiKey();

  EnableApiKeyUseCase enableApiKey();

  RevokeApiKeyUseCase revokeApiKey();

  GetUsageUseCase getUsage();

  OwnerRateLimitsUseCase ownerRateLimits();

  VerifyApiKeyUseCase verifyApiKey();

  ListAuditEventsUseCase listAuditEvents();

  UpdateApiKeyUseCase updateApiKey();

  AuthenticateUseCase authenticate();

  InitializeDeploymentUseCase initializeDeployment();

  CreateRootKeyUseCase createRootKey();

  CreatePortalLinkUseCase createPortalLink();

  ListGrantsUseCase listGrants();

  SetGrantUseCase setGrant();

  RemoveGrantUseCase removeGrant();

  CreateApplicationUseCase createApplication();

  GetApplicationUseCase getApplication();

  ListApplicationsUseCase listApplications();

  UpdateApplicationUseCase updateApplication();

  DeleteApplicationUseCase deleteApplication();

  RotateApplicationSecretUseCase rotateApplicationSecret();

  AuthorizeApplicationsUseCase authorizeApplications();

  AddApplicationScopeUseCase addApplicationScope();

  RemoveApplicationScopeUseCase removeApplicationScope();

  IssueAccessTokenUseCase issueAccessToken();

  PublishSigningKeysUseCase publishSigningKeys();

  RollSigningKeyUseCase rollSigningKey();

  CreateWebhookUseCase createWebhook();

  ListWebhooksUseCase listWebhooks();

  GetWebhookUseCase getWebhook();

  UpdateWebhookUseCase updateWebhook();

  DeleteWebhookUseCase deleteWebhook();

  RotateWebhookSecretUseCase rotateWebhookSecret();

  ListDeliveriesUseCase listDeliveries();

  RedeliverUseCase redeliver();

  ReportLeakedTokensUseCase reportLeakedTokens();

  RevokeLeakedTokensUseCase revokeLeakedTokens();
}
