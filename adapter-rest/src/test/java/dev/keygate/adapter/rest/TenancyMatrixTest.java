package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.CreateWebhookCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.PortalLink;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.PolicyResponses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;

/**
 * Every management endpoint called by every kind of caller, each answer against the outcome the
 * tables below write down: the operator reaches everything; an organization admin, a user and a
 * portal link reach their own keys and read APIs and scopes; another owner's key answers exactly as
 * an unknown one; shaping the deployment is the operator's alone; no key is 401 and a key without
 * the endpoint's scope 403. Every refusal changes nothing and is on record as one refused audit
 * event; every success has the documented status and shape, and a list shows exactly what the
 * caller may see.
 *
 * <p>The endpoints come from the running server's route table: one without a row in each table
 * fails the suite, so the matrix stays complete. Each cell runs in a world of its own. The routes
 * of M2M applications are {@link ApplicationAuthorityMatrixTest}'s, which holds them to a table of
 * its own.
 */
class TenancyMatrixTest {

  /** The callers, in the order of the tables' columns. */
  enum Caller {
    OPERATOR("operator"),
    LIMITED_OPERATOR("limited operator"),
    ORG_A_ADMIN("org A admin"),
    ORG_B_ADMIN("org B admin"),
    USER_U("user U"),
    PORTAL_OF_A("portal of A"),
    NO_KEY("no key"),
    CUSTOMER_KEY("customer key"),
    LACKING_THE_SCOPE("key lacking the scope");

    final String label;

    Caller(String label) {
      this.label = label;
    }
  }

  /**
   * What each caller gets from each endpoint. {@code 200 valid} and {@code 200 invalid} are
   * verify's answers; {@code 403 scope} refuses a missing management scope, {@code 403 operator} a
   * call that only the operator may make; {@code 404} answers as for an object that does not exist.
   * Organization A owns the key, the organization and the portal link the requests name; the API
   * and the scope they name were defined by the operator.
   */
  private static final String OUTCOMES =
      """
      endpoint                                                   | operator  | limited operator | org A admin  | org B admin  | user U       | portal of A  | no key | customer key | key lacking the scope
      GET    /api/v1/api_keys                                    | 200       | 200              | 200          | 200          | 200          | 200          | 401    | 401          | 403 scope
      POST   /api/v1/api_keys                                    | 201       | 201              | 201          | 404          | 404          | 201          | 401    | 401          | 403 scope
      POST   /api/v1/api_keys/verify                             | 200 valid | 200 valid        | 200 valid    | 200 invalid  | 200 invalid  | 200 valid    | 401    | 401          | 403 scope
      GET    /api/v1/api_keys/{key_id}                           | 200       | 200              | 200          | 404          | 404          | 200          | 401    | 401          | 403 scope
      PUT    /api/v1/api_keys/{key_id}                           | 201       | 201              | 201          | 404          | 404          | 201          | 401    | 401          | 403 scope
      PATCH  /api/v1/api_keys/{key_id}                           | 200       | 200              | 200          | 404          | 404          | 200          | 401    | 401          | 403 scope
      DELETE /api/v1/api_keys/{key_id}                           | 200       | 403 scope        | 200          | 404          | 404          | 200          | 401    | 401          | 403 scope
      GET    /api/v1/api_keys/{key_id}/usage                     | 200       | 200              | 200          | 404          | 404          | 200          | 401    | 401          | 403 scope
      GET    /api/v1/apis                                        | 200       | 200              | 200          | 200          | 200          | 200          | 401    | 401          | 403 scope
      POST   /api/v1/apis                                        | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/apis/{api_id}                               | 200       | 200              | 200          | 200          | 200          | 200          | 401    | 401          | 403 scope
      DELETE /api/v1/apis/{api_id}                               | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/apis/{api_id}/scopes                        | 200       | 200              | 200          | 200          | 200          | 200          | 401    | 401          | 403 scope
      POST   /api/v1/apis/{api_id}/scopes                        | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/apis/{api_id}/scopes/{scope_id}             | 200       | 200              | 200          | 200          | 200          | 200          | 401    | 401          | 403 scope
      PATCH  /api/v1/apis/{api_id}/scopes/{scope_id}             | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      DELETE /api/v1/apis/{api_id}/scopes/{scope_id}             | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      POST   /api/v1/organization                                | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/organization                                | 200       | 403 scope        | 200          | 404          | 404          | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/organizations                               | 200       | 403 scope        | 200          | 200          | 200          | 403 scope    | 401    | 401          | 403 scope
      PATCH  /api/v1/organization/{org_code}                     | 200       | 403 scope        | 200          | 404          | 404          | 403 scope    | 401    | 401          | 403 scope
      DELETE /api/v1/organization/{org_code}                     | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/organizations/{org_code}/grants             | 200       | 403 scope        | 200          | 404          | 404          | 200          | 401    | 401          | 403 scope
      PUT    /api/v1/organizations/{org_code}/grants/{api_id}    | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      DELETE /api/v1/organizations/{org_code}/grants/{api_id}    | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/organizations/{org_code}/rate_limits        | 200       | 200              | 200          | 404          | 404          | 200          | 401    | 401          | 403 scope
      PUT    /api/v1/organizations/{org_code}/rate_limits        | 200       | 200              | 403 operator | 403 operator | 403 operator | 403 operator | 401    | 401          | 403 scope
      GET    /api/v1/organizations/{org_code}/usage              | 200       | 200              | 200          | 404          | 404          | 200          | 401    | 401          | 403 scope
      POST   /api/v1/user                                        | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/user                                        | 200       | 403 scope        | 404          | 404          | 200          | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/users                                       | 200       | 403 scope        | 200          | 200          | 200          | 403 scope    | 401    | 401          | 403 scope
      PATCH  /api/v1/user                                        | 200       | 403 scope        | 404          | 404          | 200          | 403 scope    | 401    | 401          | 403 scope
      DELETE /api/v1/user                                        | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/users/{user_id}/grants                      | 200       | 403 scope        | 404          | 404          | 200          | 404          | 401    | 401          | 403 scope
      PUT    /api/v1/users/{user_id}/grants/{api_id}             | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      DELETE /api/v1/users/{user_id}/grants/{api_id}             | 200       | 403 scope        | 403 operator | 403 operator | 403 operator | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/users/{user_id}/rate_limits                 | 200       | 200              | 404          | 404          | 200          | 404          | 401    | 401          | 403 scope
      PUT    /api/v1/users/{user_id}/rate_limits                 | 200       | 200              | 403 operator | 403 operator | 403 operator | 403 operator | 401    | 401          | 403 scope
      GET    /api/v1/users/{user_id}/usage                       | 200       | 200              | 404          | 404          | 200          | 404          | 401    | 401          | 403 scope
      GET    /api/v1/audit_events                                | 200       | 403 scope        | 200          | 200          | 200          | 403 scope    | 401    | 401          | 403 scope
      POST   /api/v1/portal_links                                | 200       | 403 scope        | 200          | 404          | 404          | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/webhooks                                    | 200       | 403 scope        | 200          | 200          | 403 user     | 403 scope    | 401    | 401          | 403 scope
      POST   /api/v1/webhooks                                    | 200       | 403 scope        | 200          | 403 org      | 403 user     | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/webhooks/{webhook_id}                       | 200       | 403 scope        | 200          | 404          | 403 user     | 403 scope    | 401    | 401          | 403 scope
      PATCH  /api/v1/webhooks/{webhook_id}                       | 200       | 403 scope        | 200          | 404          | 403 user     | 403 scope    | 401    | 401          | 403 scope
      DELETE /api/v1/webhooks/{webhook_id}                       | 200       | 403 scope        | 200          | 404          | 403 user     | 403 scope    | 401    | 401          | 403 scope
      POST   /api/v1/webhooks/{webhook_id}/rotate_secret         | 200       | 403 scope        | 200          | 404          | 403 user     | 403 scope    | 401    | 401          | 403 scope
      GET    /api/v1/webhooks/{webhook_id}/deliveries            | 200       | 403 scope        | 200          | 404          | 403 user     | 403 scope    | 401    | 401          | 403 scope
      POST   /api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver | 202 | 403 scope | 202          | 404          | 403 user     | 403 scope    | 401    | 401          | 403 scope
      """;

  /**
   * What each caller sees in each list. Keys: {@code root} (the operator's), {@code adminA}, {@code
   * adminB}, {@code adminU} (management keys of A, B and U), {@code portalA} (the portal link's,
   * which no list shows), {@code keyA}, {@code keyB}, {@code keyU}; APIs: {@code management},
   * {@code users}, {@code spare}; organizations and users by their codes and ids; {@code events:X}
   * is every audit event about X's objects. {@code -} is an empty list; {@code refused}, no list at
   * all.
   */
  private static final String VISIBLE =
      """
      list                                         | operator                                          | limited operator                                  | org A admin            | org B admin            | user U                 | portal of A
      GET /api/v1/api_keys                         | root adminA adminB adminU keyA keyB keyU          | root adminA adminB adminU keyA keyB keyU limitedOperator | adminA keyA     | adminB keyB            | adminU keyU            | adminA keyA
      GET /api/v1/apis                             | management users spare                            | management users spare                            | management users spare | management users spare | management users spare | management users spare
      GET /api/v1/apis/{api_id}/scopes             | read:spare                                        | read:spare                                        | read:spare             | read:spare             | read:spare             | read:spare
      GET /api/v1/organizations                    | keygate-operator org_a org_b org_e                | refused                                           | org_a                  | org_b                  | -                      | refused
      GET /api/v1/organizations/{org_code}/grants  | users spare                                       | refused                                           | users spare            | refused                | refused                | users spare
      GET /api/v1/organizations/{org_code}/rate_limits | -                                             | -                                                 | -                      | refused                | refused                | -
      GET /api/v1/users/{user_id}/rate_limits      | -                                                 | -                                                 | refused                | refused                | -                      | refused
      GET /api/v1/users                            | kp_u kp_e                                         | refused                                           | -                      | -                      | kp_u                   | refused
      GET /api/v1/users/{user_id}/grants           | users spare                                       | refused                                           | refused                | refused                | users spare            | refused
      GET /api/v1/audit_events                     | events:all                                        | refused                                           | events:org_a           | events:org_b           | events:kp_u            | refused
      GET /api/v1/webhooks                         | webhookA                                          | refused                                           | webhookA               | -                      | refused                | refused
      GET /api/v1/webhooks/{webhook_id}/deliveries | deliveriesA                                       | refused                                           | deliveriesA            | refused                | refused                | refused
      """;

  private static final String UNKNOWN_KEY = "api_key_" + "0".repeat(32);

  private static final String UNKNOWN_WEBHOOK = "webhook_" + "0".repeat(32);

  private static final String RATE_LIMITS =
      "{\"rate_limits\":[{\"name\":\"daily\",\"limit\":1000,\"duration_seconds\":86400}]}";

  /** The request each endpoint is called with, the audit action it records, and its ghost. */
  private static final Map<String, Call> CALLS =
      calls(
          new Call("GET /api/v1/api_keys", "", null, AuditAction.API_KEY_READ, false),
          new Call(
                  "POST /api/v1/api_keys",
                  "",
                  "{\"name\":\"new key\",\"api_id\":\"${users}\",\"scope_ids\":[\"read:users\"],\"org_code\":\"org_a\"}",
                  AuditAction.API_KEY_CREATE,
                  true)
              .ghost("\"org_a\"", "\"org_zzz\""),
          new Call(
                  "POST /api/v1/api_keys/verify",
                  "",
                  "{\"api_key\":\"${keyA token}\"}",
                  AuditAction.API_KEY_VERIFY,
                  false)
              .ghost("${keyA token}", TestKeygate.unknownToken()),
          new Call("GET /api/v1/api_keys/{key_id}", "", null, AuditAction.API_KEY_READ, false)
              .ghost("${keyA}", UNKNOWN_KEY),
          new Call("PUT /api/v1/api_keys/{key_id}", "", null, AuditAction.API_KEY_ROTATE, true)
              .ghost("${keyA}", UNKNOWN_KEY),
          new Call(
                  "PATCH /api/v1/api_keys/{key_id}",
                  "",
                  "{\"name\":\"renamed\"}",
                  AuditAction.API_KEY_UPDATE,
                  true)
              .ghost("${keyA}", UNKNOWN_KEY),
          new Call("DELETE /api/v1/api_keys/{key_id}", "", null, AuditAction.API_KEY_REVOKE, true)
              .ghost("${keyA}", UNKNOWN_KEY),
          new Call("GET /api/v1/apis", "", null, AuditAction.API_READ, false),
          new Call(
              "POST /api/v1/apis",
              "",
              "{\"name\":\"Billing\",\"audience\":\"https://billing.example.com\"}",
              AuditAction.API_REGISTER,
              true),
          new Call("GET /api/v1/apis/{api_id}", "", null, AuditAction.API_READ, false),
          new Call("DELETE /api/v1/apis/{api_id}", "", null, AuditAction.API_DELETE, true),
          new Call("GET /api/v1/apis/{api_id}/scopes", "", null, AuditAction.SCOPE_READ, false),
          new Call(
              "POST /api/v1/apis/{api_id}/scopes",
              "",
              "{\"key\":\"write:spare\"}",
              AuditAction.SCOPE_ADD,
              true),
          new Call(
              "GET /api/v1/apis/{api_id}/scopes/{scope_id}",
              "",
              null,
              AuditAction.SCOPE_READ,
              false),
          new Call(
              "PATCH /api/v1/apis/{api_id}/scopes/{scope_id}",
              "",
              "{\"description\":\"changed\"}",
              AuditAction.SCOPE_UPDATE,
              true),
          new Call(
              "DELETE /api/v1/apis/{api_id}/scopes/{scope_id}",
              "",
              null,
              AuditAction.SCOPE_DELETE,
              true),
          new Call(
              "POST /api/v1/organization",
              "",
              "{\"name\":\"Org C\",\"code\":\"org_c\"}",
              AuditAction.ORGANIZATION_CREATE,
              true),
          new Call(
                  "GET /api/v1/organization",
                  "?code=org_a",
                  null,
                  AuditAction.ORGANIZATION_READ,
                  false)
              .ghost("org_a", "org_zzz"),
          new Call("GET /api/v1/organizations", "", null, AuditAction.ORGANIZATION_READ, false),
          new Call(
                  "PATCH /api/v1/organization/{org_code}",
                  "",
                  "{\"name\":\"Org A renamed\"}",
                  AuditAction.ORGANIZATION_UPDATE,
                  true)
              .ghost("org_a", "org_zzz"),
          new Call(
                  "DELETE /api/v1/organization/{org_code}",
                  "",
                  null,
                  AuditAction.ORGANIZATION_DELETE,
                  true)
              .at("/api/v1/organization/org_e"),
          new Call(
              "POST /api/v1/user",
              "",
              "{\"id\":\"kp_v\",\"name\":\"User V\"}",
              AuditAction.USER_CREATE,
              true),
          new Call("GET /api/v1/user", "?id=kp_u", null, AuditAction.USER_READ, false)
              .ghost("kp_u", "kp_zzz"),
          new Call("GET /api/v1/users", "", null, AuditAction.USER_READ, false),
          new Call(
                  "PATCH /api/v1/user",
                  "?id=kp_u",
                  "{\"given_name\":\"Ursula\"}",
                  AuditAction.USER_UPDATE,
                  true)
              .ghost("kp_u", "kp_zzz"),
          new Call("DELETE /api/v1/user", "?id=kp_e", null, AuditAction.USER_DELETE, true),
          new Call(
                  "GET /api/v1/organizations/{org_code}/grants",
                  "",
                  null,
                  AuditAction.GRANT_READ,
                  false)
              .ghost("org_a", "org_zzz"),
          new Call(
                  "PUT /api/v1/organizations/{org_code}/grants/{api_id}",
                  "",
                  "{\"scope_ids\":[]}",
                  AuditAction.GRANT_SET,
                  true)
              .ghost("org_a", "org_zzz"),
          new Call(
                  "DELETE /api/v1/organizations/{org_code}/grants/{api_id}",
                  "",
                  null,
                  AuditAction.GRANT_REMOVE,
                  true)
              .ghost("org_a", "org_zzz"),
          new Call("GET /api/v1/users/{user_id}/grants", "", null, AuditAction.GRANT_READ, false)
              .ghost("kp_u", "kp_zzz"),
          new Call(
                  "PUT /api/v1/users/{user_id}/grants/{api_id}",
                  "",
                  "{\"scope_ids\":[]}",
                  AuditAction.GRANT_SET,
                  true)
              .ghost("kp_u", "kp_zzz"),
          new Call(
                  "DELETE /api/v1/users/{user_id}/grants/{api_id}",
                  "",
                  null,
                  AuditAction.GRANT_REMOVE,
                  true)
              .ghost("kp_u", "kp_zzz"),
          new Call("GET /api/v1/api_keys/{key_id}/usage", "", null, AuditAction.USAGE_READ, false)
              .ghost("${keyA}", UNKNOWN_KEY),
          new Call(
                  "GET /api/v1/organizations/{org_code}/usage",
                  "?period=30d",
                  null,
                  AuditAction.USAGE_READ,
                  false)
              .ghost("org_a", "org_zzz"),
          new Call("GET /api/v1/users/{user_id}/usage", "", null, AuditAction.USAGE_READ, false)
              .ghost("kp_u", "kp_zzz"),
          new Call(
                  "GET /api/v1/organizations/{org_code}/rate_limits",
                  "",
                  null,
                  AuditAction.RATE_LIMITS_READ,
                  false)
              .ghost("org_a", "org_zzz"),
          new Call(
                  "PUT /api/v1/organizations/{org_code}/rate_limits",
                  "",
                  RATE_LIMITS,
                  AuditAction.RATE_LIMITS_SET,
                  true)
              .ghost("org_a", "org_zzz"),
          new Call(
                  "GET /api/v1/users/{user_id}/rate_limits",
                  "",
                  null,
                  AuditAction.RATE_LIMITS_READ,
                  false)
              .ghost("kp_u", "kp_zzz"),
          new Call(
                  "PUT /api/v1/users/{user_id}/rate_limits",
                  "",
                  RATE_LIMITS,
                  AuditAction.RATE_LIMITS_SET,
                  true)
              .ghost("kp_u", "kp_zzz"),
          new Call(
              "GET /api/v1/audit_events", "?page_size=500", null, AuditAction.AUDIT_READ, false),
          new Call(
                  "POST /api/v1/portal_links",
                  "",
                  "{\"org_code\":\"org_a\"}",
                  AuditAction.PORTAL_LINK_CREATE,
                  true)
              .ghost("\"org_a\"", "\"org_zzz\""),
          new Call("GET /api/v1/webhooks", "", null, AuditAction.WEBHOOK_READ, false),
          new Call(
              "POST /api/v1/webhooks",
              "",
              "{\"endpoint\":\"https://hooks.example.com/a\",\"event_types\":[\"api_key.revoked\"],\"org_code\":\"org_a\"}",
              AuditAction.WEBHOOK_CREATE,
              true),
          new Call("GET /api/v1/webhooks/{webhook_id}", "", null, AuditAction.WEBHOOK_READ, false)
              .ghost("${webhookA}", UNKNOWN_WEBHOOK),
          new Call(
                  "PATCH /api/v1/webhooks/{webhook_id}",
                  "",
                  "{\"name\":\"renamed\"}",
                  AuditAction.WEBHOOK_UPDATE,
                  true)
              .ghost("${webhookA}", UNKNOWN_WEBHOOK),
          new Call(
                  "DELETE /api/v1/webhooks/{webhook_id}",
                  "",
                  null,
                  AuditAction.WEBHOOK_DELETE,
                  true)
              .ghost("${webhookA}", UNKNOWN_WEBHOOK),
          new Call(
                  "POST /api/v1/webhooks/{webhook_id}/rotate_secret",
                  "",
                  null,
                  AuditAction.WEBHOOK_ROTATE_SECRET,
                  true)
              .ghost("${webhookA}", UNKNOWN_WEBHOOK),
          new Call(
                  "GET /api/v1/webhooks/{webhook_id}/deliveries",
                  "",
                  null,
                  AuditAction.WEBHOOK_READ,
                  false)
              .ghost("${webhookA}", UNKNOWN_WEBHOOK),
          new Call(
                  "POST /api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
                  "",
                  null,
                  AuditAction.WEBHOOK_REDELIVER,
                  true)
              .ghost("${webhookA}", UNKNOWN_WEBHOOK));

  private static final Map<String, Map<Caller, Outcome>> OUTCOME_TABLE = outcomes();
  private static final Map<String, Map<Caller, String>> VISIBLE_TABLE = visible();

  @Test
  void givenTheServersRouteTable_everyManagementEndpointHasARowInEveryTable() {
    Set<String> served = served();

    assertThat(OUTCOME_TABLE.keySet()).as("rows of OUTCOMES").isEqualTo(served);
    assertThat(CALLS.keySet()).as("rows of CALLS").isEqualTo(served);
    assertThat(VISIBLE_TABLE.keySet()).as("rows of VISIBLE").isEqualTo(lists());
  }

  @Test
  void givenAConfinedCaller_filtersSearchAndOrder_neverListMoreThanItsOwnList() {
    try (RestFixture rest = new RestFixture()) {
      World world = new World(rest);
      List<String> keyQueries =
          List.of(
              "search=" + world.keyB.id(),
              "search=" + world.keyU.id(),
              "search=" + world.adminB.id().substring(0, 12),
              "search=key",
              "org_code=org_b&search=key",
              "user_id=kp_u&search=a",
              "org_code=org_a&search=portal");
      List<String> auditQueries =
          List.of(
              "org_code=org_b",
              "org_code=org_a",
              "user_id=kp_u",
              "actor=" + TestKeygate.OPERATOR.actor(),
              "actor=api_key:" + world.adminB.id(),
              "action=api_key_create",
              "order=newest",
              "since=2000-01-01T00:00:00Z&order=newest",
              "order=newest&action=api_key_create&org_code=org_b");
      for (RestFixture.Issued caller :
          List.of(world.adminA, world.adminB, world.adminU, world.portalA)) {
        List<String> ownKeys = ids(rest, "/api/v1/api_keys?page_size=500", caller);
        for (String query : keyQueries) {
          assertThat(ids(rest, "/api/v1/api_keys?page_size=500&" + query, caller))
              .as("%s with ?%s", caller.id(), query)
              .isSubsetOf(ownKeys);
        }
        assertThat(ownKeys).doesNotContain(world.portalA.id());
        if (caller == world.portalA) {
          continue; // a portal reads no audit trail
        }
        List<List<String>> filtered = new ArrayList<>();
        for (String query : auditQueries) {
          filtered.add(ids(rest, "/api/v1/audit_events?page_size=500&" + query, caller));
        }
        // Read last: a refusal a filter caused joins the caller's own trail.
        List<String> ownEvents = ids(rest, "/api/v1/audit_events?page_size=500", caller);
        for (int i = 0; i < auditQueries.size(); i++) {
          assertThat(filtered.get(i))
              .as("%s with ?%s", caller.id(), auditQueries.get(i))
              .isSubsetOf(ownEvents);
        }
      }
    }
  }

  private static List<String> ids(RestFixture rest, String path, RestFixture.Issued caller) {
    RestFixture.Answer answer = rest.call("GET", path, null, caller.key());
    assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer
        .json()
        .forEach(
            field -> {
              if (field.isArray()) {
                field.forEach(item -> ids.add(item.get("id").asText()));
              }
            });
    return ids;
  }

  @TestFactory
  Stream<DynamicTest> givenEveryManagementEndpointAndCaller_whenCalled_thenAnswersAsDocumented(
      TestReporter reporter) {
    Set<String> served = served();
    DocumentedApi documented;
    try (RestFixture rest = new RestFixture()) {
      documented = DocumentedApi.of(rest);
    }
    List<DynamicTest> cells = new ArrayList<>();
    for (String endpoint : served) {
      Map<Caller, Outcome> row = OUTCOME_TABLE.get(endpoint);
      if (row == null || !CALLS.containsKey(endpoint)) {
        throw new AssertionError(endpoint + " is served but has no row in the tables");
      }
      for (Caller caller : Caller.values()) {
        Outcome outcome = row.get(caller);
        cells.add(
            DynamicTest.dynamicTest(
                caller.label + ": " + endpoint + " answers " + outcome,
                () -> new Cell(endpoint, caller, outcome, documented).check()));
      }
    }
    String count =
        cells.size()
            + " cells: "
            + served.size()
            + " endpoints x "
            + Caller.values().length
            + " callers";
    reporter.publishEntry("tenancy matrix", count);
    // Surefire keeps a test's output but not its report entries.
    System.out.println("tenancy matrix: " + count);
    return cells.stream();
  }

  private static Set<String> served() {
    try (RestFixture rest = new RestFixture()) {
      return ManagementEndpoint.servedBy(rest).stream()
          // M2M applications have a matrix of their own, with their own kinds of caller.
          .filter(endpoint -> !ApplicationAuthorityMatrixTest.isApplicationRoute(endpoint))
          .map(ManagementEndpoint::name)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** The endpoints that answer a list: a GET whose answer holds one at its top. */
  private static Set<String> lists() {
    try (RestFixture rest = new RestFixture()) {
      return ManagementEndpoint.servedBy(rest).stream()
          .filter(endpoint -> !ApplicationAuthorityMatrixTest.isApplicationRoute(endpoint))
          .filter(endpoint -> endpoint.method().equals("GET"))
          // Usage is counted in buckets of time, not a list of what a caller may see.
          .filter(endpoint -> endpoint.route().response() != PolicyResponses.UsageAnswer.class)
          .filter(
              endpoint ->
                  Arrays.stream(endpoint.route().response().getRecordComponents())
                      .anyMatch(component -> component.getType() == List.class))
          .map(ManagementEndpoint::name)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** One caller calling one endpoint, in a world of its own. */
  private static final class Cell {

    private final String endpoint;
    private final Caller caller;
    private final Outcome outcome;
    private final DocumentedApi documented;
    private final Call call;

    Cell(String endpoint, Caller caller, Outcome outcome, DocumentedApi documented) {
      this.endpoint = endpoint;
      this.caller = caller;
      this.outcome = outcome;
      this.documented = documented;
      this.call = CALLS.get(endpoint);
    }

    /** Checks the cell, its failures named after it: Surefire numbers dynamic tests. */
    void check() {
      try (RestFixture rest = new RestFixture()) {
        checkIn(rest, new World(rest));
      } catch (AssertionError failure) {
        throw new AssertionError(
            caller.label
                + ": "
                + endpoint
                + " should answer "
                + outcome
                + ": "
                + failure.getMessage(),
            failure);
      }
    }

    private void checkIn(RestFixture rest, World world) {
      Optional<RestFixture.Issued> key = world.keyOf(caller, endpoint);
      String bearer = key.map(RestFixture.Issued::key).orElse(null);
      String path = world.resolve(call.path());
      String body = call.body() == null ? null : world.resolve(call.body());
      State before = State.of(rest.keygate);

      RestFixture.Answer answer = rest.call(call.method(), path, body, bearer);

      State after = State.of(rest.keygate);
      assertThat(answer.status()).as(answer.body()).isEqualTo(outcome.status());
      for (String token : world.tokens()) {
        assertThat(answer.body()).doesNotContain(token);
      }
      String actor = key.map(issued -> "api_key:" + issued.id()).orElse("(none)");
      List<String> refused = List.of(actor + " " + call.action() + " REFUSED");
      switch (outcome.detail()) {
        case "":
          assertThat(
                  documented.errors(
                      call.method(), call.template(), outcome.status(), answer.body()))
              .isEmpty();
          assertVisible(world, answer);
          if (call.changes()) {
            assertThat(after.withoutAudit()).isNotEqualTo(before.withoutAudit());
            assertThat(added(before, after))
                .containsExactly(actor + " " + call.action() + " SUCCEEDED");
          } else {
            assertUnchanged(before, after, List.of());
          }
          break;
        case "valid":
          assertThat(documented.errors(call.method(), call.template(), 200, answer.body()))
              .isEmpty();
          assertThat(answer.text("/code")).isEqualTo("API_KEY_VERIFIED");
          assertThat(answer.json().get("is_valid").asBoolean()).isTrue();
          assertThat(answer.text("/key_id")).isEqualTo(world.keyA.id());
          assertUnchanged(before, after, List.of());
          break;
        case "invalid":
          assertThat(documented.errors(call.method(), call.template(), 200, answer.body()))
              .isEmpty();
          assertThat(answer.text("/code")).isEqualTo("API_KEY_INVALID");
          assertThat(answer.json().get("is_valid").asBoolean()).isFalse();
          assertUnchanged(before, after, refused);
          assertAnsweredAsTheGhost(rest, world, bearer, answer);
          break;
        case "unauthorized":
          assertError(answer, 401, "UNAUTHORIZED");
          assertUnchanged(before, after, List.of());
          break;
        case "scope":
          assertError(answer, 403, "FORBIDDEN");
          assertThat(answer.text("/errors/0/message"))
              .startsWith("missing scope")
              .contains(scopesOf(world.endpoint(endpoint).route()));
          assertUnchanged(before, after, refused);
          break;
        case "operator":
          assertError(answer, 403, "FORBIDDEN");
          assertThat(answer.text("/errors/0/message")).isEqualTo("only the operator may do this");
          assertUnchanged(before, after, refused);
          break;
        case "user":
          assertError(answer, 403, "FORBIDDEN");
          assertThat(answer.text("/errors/0/message"))
              .isEqualTo("a user's key cannot manage webhooks");
          assertUnchanged(before, after, refused);
          break;
        case "org":
          assertError(answer, 403, "FORBIDDEN");
          assertThat(answer.text("/errors/0/message"))
              .isEqualTo(
                  "a caller confined to an organization creates webhooks for that organization"
                      + " only");
          assertUnchanged(before, after, refused);
          break;
        case "not found":
          assertError(answer, 404, "NOT_FOUND");
          assertUnchanged(before, after, refused);
          assertAnsweredAsTheGhost(rest, world, bearer, answer);
          break;
        default:
          throw new AssertionError("no check for " + outcome);
      }
    }

    /** The keys, APIs, scopes, organizations and users as they were; the audit trail grown so. */
    private static void assertUnchanged(State before, State after, List<String> refusals) {
      assertThat(after.withoutAudit()).isEqualTo(before.withoutAudit());
      assertThat(added(before, after)).containsExactlyElementsOf(refusals);
    }

    private static List<String> added(State before, State after) {
      assertThat(after.audit().subList(0, before.audit().size())).isEqualTo(before.audit());
      return after.audit().subList(before.audit().size(), after.audit().size()).stream()
          .map(event -> event.actor() + " " + event.action() + " " + event.outcome())
          .toList();
    }

    /**
     * The answer, word for word, that the same caller gets for an object that does not exist; the
     * ghost's id in it read as the real one's.
     */
    private void assertAnsweredAsTheGhost(
        RestFixture rest, World world, String bearer, RestFixture.Answer answer) {
      if (call.real() == null) {
        throw new AssertionError(endpoint + " has no ghost to compare its refusal with");
      }
      String real = world.resolve(call.real());
      String ghost = call.ghost();
      RestFixture.Answer ghostly =
          rest.call(
              call.method(),
              world.resolve(call.path()).replace(real, ghost),
              call.body() == null ? null : world.resolve(call.body()).replace(real, ghost),
              bearer);
      assertThat(answer.status()).isEqualTo(ghostly.status());
      assertThat(answer.body()).isEqualTo(ghostly.body().replace(unquoted(ghost), unquoted(real)));
    }

    private void assertVisible(World world, RestFixture.Answer answer) {
      Map<Caller, String> row = VISIBLE_TABLE.get(endpoint);
      if (row == null) {
        return;
      }
      String expected = row.get(caller);
      JsonNode items = listIn(answer.json());
      List<String> listed = new ArrayList<>();
      items.forEach(
          item ->
              listed.add(
                  item.has("id")
                      ? item.get("id").asText()
                      : item.has("code")
                          ? item.get("code").asText()
                          : item.get("api_id").asText()));
      assertThat(listed)
          .as("%s lists %s", caller.label, expected)
          .containsExactlyInAnyOrderElementsOf(world.visible(expected));
    }

    private static JsonNode listIn(JsonNode answer) {
      List<JsonNode> arrays = new ArrayList<>();
      answer.forEach(
          field -> {
            if (field.isArray()) {
              arrays.add(field);
            }
          });
      assertThat(arrays).as("the one list in " + answer).hasSize(1);
      return arrays.get(0);
    }

    private static String unquoted(String text) {
      return text.replace("\"", "");
    }
  }

  /** The scopes a route needs: one, or either of two. */
  private static String[] scopesOf(Route route) {
    return route.scope().orElseThrow().split(" or ");
  }

  // The world every cell starts from

  /**
   * The operator's root key; organizations A and B and user U, each with a management key holding
   * every scope and a key for the users API; a portal link for A; the spare API with one scope,
   * which no key was issued for. Requests name A's key, the spare API and its scope.
   */
  private static final class World {

    final RestFixture rest;
    final RestFixture.Issued root;
    final RestFixture.Issued adminA;
    final RestFixture.Issued adminB;
    final RestFixture.Issued adminU;
    final RestFixture.Issued portalA;
    final RestFixture.Issued keyA;
    final RestFixture.Issued keyB;
    final RestFixture.Issued keyU;
    private RestFixture.Issued limitedOperator;
    private final Api management;
    private final Api usersApi;
    private final Api spareApi;
    private final Scope spareScope;
    private final List<RestFixture.Issued> lacking = new ArrayList<>();
    private final String webhookA;
    private final List<String> deliveriesA;

    World(RestFixture rest) {
      this.rest = rest;
      TestKeygate keygate = rest.keygate;
      usersApi = keygate.registerApi("https://users.example.com");
      keygate.addScope(usersApi, "read:users");
      spareApi = keygate.registerApi("https://spare.example.com");
      spareScope = keygate.addScope(spareApi, "read:spare");
      management = keygate.apis.findByAudience(Api.MANAGEMENT_AUDIENCE).orElseThrow();
      keygate.createOrganization("org_a");
      keygate.createOrganization("org_b");
      keygate.createUser("kp_u");
      // Owners of nothing, which the operator may delete.
      keygate.createOrganization("org_e");
      keygate.createUser("kp_e");
      // What the operator lets each owner hold: the users API to all, the spare API to A and U.
      Owner orgA = new Owner.Org(new OrgCode("org_a"));
      Owner userU = new Owner.User(new UserId("kp_u"));
      keygate.grant(orgA, usersApi, "read:users");
      keygate.grant(new Owner.Org(new OrgCode("org_b")), usersApi, "read:users");
      keygate.grant(userU, usersApi, "read:users");
      keygate.grant(orgA, spareApi, "read:spare");
      keygate.grant(userU, spareApi, "read:spare");
      // A's webhook, told of every key made for A from here on: each a delivery in its log.
      webhookA =
          keygate
              .services
              .createWebhook()
              .create(
                  TestKeygate.OPERATOR,
                  new CreateWebhookCommand(
                      "A's hook",
                      "https://hooks.example.com/a",
                      Optional.empty(),
                      List.of("api_key.created"),
                      Optional.of("org_a")))
              .webhook()
              .id()
              .value();
      root = new RestFixture.Issued(keyNamed("Root management key"), rest.rootKey);
      // Made through the use cases rather than over HTTP, as every cell builds its world anew.
      adminA = issue(new Owner.Org(new OrgCode("org_a")), management, everyManagementScope());
      adminB = issue(new Owner.Org(new OrgCode("org_b")), management, everyManagementScope());
      adminU = issue(new Owner.User(new UserId("kp_u")), management, everyManagementScope());
      keyA = issue(new Owner.Org(new OrgCode("org_a")), usersApi, List.of("read:users"));
      keyB = issue(new Owner.Org(new OrgCode("org_b")), usersApi, List.of("read:users"));
      keyU = issue(new Owner.User(new UserId("kp_u")), usersApi, List.of("read:users"));
      PortalLink link =
          keygate
              .services
              .createPortalLink()
              .create(
                  TestKeygate.OPERATOR,
                  new CreatePortalLinkCommand(
                      new Owner.Org(new OrgCode("org_a")), Duration.ofMinutes(15)));
      portalA = new RestFixture.Issued(link.key().id().value(), link.token().reveal());
      deliveriesA =
          keygate.outbox.deliveries().stream()
              .filter(delivery -> delivery.webhook().value().equals(webhookA))
              .map(delivery -> delivery.id().value())
              .toList();
      // Failed for good, so that a redelivery changes it.
      keygate.outbox.attemptFailed(
          new DeliveryId(deliveriesA.get(0)),
          keygate.clock.instant(),
          Optional.of(500),
          "HTTP 500",
          Optional.empty());
    }

    private RestFixture.Issued issue(Owner owner, Api api, List<String> scopes) {
      IssuedApiKey issued =
          rest.keygate
              .services
              .createApiKey()
              .create(
                  TestKeygate.OPERATOR,
                  new CreateApiKeyCommand(
                      "key of " + owner.id(), api.id(), scopes, owner, Optional.empty()));
      return new RestFixture.Issued(issued.key().id().value(), issued.token().reveal());
    }

    /** An operator's key for managing keys day to day: no deleting, no shaping the deployment. */
    private static final Set<ManagementScope> LIMITED_OPERATOR_SCOPES =
        EnumSet.of(
            ManagementScope.READ_API_KEYS,
            ManagementScope.CREATE_API_KEYS,
            ManagementScope.UPDATE_API_KEYS,
            ManagementScope.VERIFY_API_KEYS,
            ManagementScope.READ_APIS,
            ManagementScope.READ_API_SCOPES);

    private static List<String> everyManagementScope() {
      return Arrays.stream(ManagementScope.values()).map(ManagementScope::key).toList();
    }

    private String keyNamed(String name) {
      return rest.keygate.apiKeys.all().stream()
          .filter(key -> key.name().equals(name))
          .map(key -> key.id().value())
          .findFirst()
          .orElseThrow(() -> new AssertionError("no key named " + name));
    }

    ManagementEndpoint endpoint(String name) {
      return ManagementEndpoint.servedBy(rest).stream()
          .filter(endpoint -> endpoint.name().equals(name))
          .findFirst()
          .orElseThrow();
    }

    /**
     * The key the caller presents; for a key lacking the scope, an operator's management key made
     * now with every management scope but those the endpoint needs. Empty for no key.
     */
    Optional<RestFixture.Issued> keyOf(Caller caller, String endpoint) {
      switch (caller) {
        case OPERATOR:
          return Optional.of(root);
        case LIMITED_OPERATOR:
          limitedOperator =
              issue(
                  new Owner.Org(Organization.OPERATOR_CODE),
                  management,
                  LIMITED_OPERATOR_SCOPES.stream().map(ManagementScope::key).toList());
          return Optional.of(limitedOperator);
        case CUSTOMER_KEY:
          return Optional.of(keyA);
        case ORG_A_ADMIN:
          return Optional.of(adminA);
        case ORG_B_ADMIN:
          return Optional.of(adminB);
        case USER_U:
          return Optional.of(adminU);
        case PORTAL_OF_A:
          return Optional.of(portalA);
        case NO_KEY:
          return Optional.empty();
        case LACKING_THE_SCOPE:
          Set<ManagementScope> held = EnumSet.allOf(ManagementScope.class);
          for (String needed : scopesOf(endpoint(endpoint).route())) {
            held.remove(ManagementScope.fromKey(needed).orElseThrow());
          }
          RestFixture.Issued issued =
              issue(
                  new Owner.Org(Organization.OPERATOR_CODE),
                  management,
                  held.stream().map(ManagementScope::key).toList());
          lacking.add(issued);
          return Optional.of(issued);
        default:
          throw new AssertionError(caller);
      }
    }

    /** Every token issued: none may appear in an answer. */
    List<String> tokens() {
      List<String> tokens = new ArrayList<>();
      Stream.of(root, adminA, adminB, adminU, portalA, keyA, keyB, keyU)
          .forEach(issued -> tokens.add(issued.key()));
      if (limitedOperator != null) {
        tokens.add(limitedOperator.key());
      }
      lacking.forEach(issued -> tokens.add(issued.key()));
      return tokens;
    }

    /** A request's text with the world's ids and tokens in place of its placeholders. */
    String resolve(String text) {
      return text.replace("{key_id}", keyA.id())
          .replace("{org_code}", "org_a")
          .replace("{user_id}", "kp_u")
          .replace("{api_id}", spareApi.id().value())
          .replace("{scope_id}", spareScope.id().value())
          .replace("${keyA token}", keyA.key())
          .replace("${keyA}", keyA.id())
          .replace("${users}", usersApi.id().value())
          .replace("{webhook_id}", webhookA)
          .replace("{delivery_id}", deliveriesA.get(0))
          .replace("${webhookA}", webhookA);
    }

    /** The ids a cell of {@link #VISIBLE} names. */
    List<String> visible(String names) {
      if (names.equals("-")) {
        return List.of();
      }
      if (names.equals("deliveriesA")) {
        return deliveriesA;
      }
      if (names.startsWith("events:")) {
        String whose = names.substring("events:".length());
        return rest.keygate.auditLog.events().stream()
            .filter(event -> whose.equals("all") || about(event, whose))
            .map(AuditEvent::id)
            .toList();
      }
      Map<String, String> ids = new HashMap<>();
      ids.put("root", root.id());
      ids.put("adminA", adminA.id());
      ids.put("adminB", adminB.id());
      ids.put("adminU", adminU.id());
      ids.put("portalA", portalA.id());
      ids.put("keyA", keyA.id());
      ids.put("keyB", keyB.id());
      ids.put("keyU", keyU.id());
      if (limitedOperator != null) {
        ids.put("limitedOperator", limitedOperator.id());
      }
      ids.put("management", management.id().value());
      ids.put("users", usersApi.id().value());
      ids.put("spare", spareApi.id().value());
      ids.put("read:spare", spareScope.id().value());
      ids.put("webhookA", webhookA);
      List<String> resolved = new ArrayList<>();
      for (String name : names.split("\\s+")) {
        resolved.add(ids.getOrDefault(name, name));
      }
      return resolved;
    }

    private static boolean about(AuditEvent event, String owner) {
      Owner named =
          owner.startsWith("kp_")
              ? new Owner.User(new UserId(owner))
              : new Owner.Org(new OrgCode(owner));
      return event.targetOwner().equals(Optional.of(named));
    }
  }

  /**
   * The request an endpoint is called with.
   *
   * @param endpoint {@code METHOD /template}
   * @param query appended to the path
   * @param body JSON with placeholders, or null for none
   * @param action what the audit trail records for the call
   * @param changes whether a success changes what the deployment holds (and is audited)
   * @param real what the request reaches for, replaced by {@code ghost} to reach for nothing
   */
  record Call(
      String endpoint,
      String query,
      String body,
      AuditAction action,
      boolean changes,
      String real,
      String ghost,
      String concretePath) {

    Call(String endpoint, String query, String body, AuditAction action, boolean changes) {
      this(endpoint, query, body, action, changes, null, null, null);
    }

    Call ghost(String realText, String ghostText) {
      return new Call(endpoint, query, body, action, changes, realText, ghostText, concretePath);
    }

    /** Calls {@code path} rather than the template, for an object other than the usual one. */
    Call at(String path) {
      return new Call(endpoint, query, body, action, changes, real, ghost, path);
    }

    String method() {
      return endpoint.split(" ")[0];
    }

    String template() {
      return endpoint.split(" ")[1];
    }

    String path() {
      return (concretePath == null ? template() : concretePath) + query;
    }
  }

  /** An expected answer: a status, and what kind of answer it is. */
  record Outcome(int status, String detail, String text) {

    static Outcome parse(String cell) {
      switch (cell) {
        case "200":
        case "201":
        case "202":
          return new Outcome(Integer.parseInt(cell), "", cell);
        case "403 user":
          return new Outcome(403, "user", cell);
        case "403 org":
          return new Outcome(403, "org", cell);
        case "200 valid":
          return new Outcome(200, "valid", cell);
        case "200 invalid":
          return new Outcome(200, "invalid", cell);
        case "401":
          return new Outcome(401, "unauthorized", cell);
        case "403 scope":
          return new Outcome(403, "scope", cell);
        case "403 operator":
          return new Outcome(403, "operator", cell);
        case "404":
          return new Outcome(404, "not found", cell);
        default:
          throw new AssertionError("no outcome " + cell);
      }
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** What a refused call must leave as it was; the audit trail apart, as refusals are recorded. */
  record State(
      List<ApiKey> keys,
      List<Api> apis,
      List<Scope> scopes,
      List<Organization> organizations,
      List<UserAccount> users,
      List<Grant> grants,
      List<Webhook> webhooks,
      List<Optional<String>> webhookSecrets,
      List<Delivery> deliveries,
      List<AuditEvent> audit) {

    static State of(TestKeygate keygate) {
      List<Api> apis = keygate.apis.list();
      PageRequest all = PageRequest.first(PageRequest.MAX_SIZE);
      List<Organization> organizations = keygate.owners.listOrganizations(all).items();
      List<UserAccount> users = keygate.owners.listUsers(all).items();
      List<Grant> grants = new ArrayList<>();
      organizations.forEach(org -> grants.addAll(keygate.grants.of(org.asOwner())));
      users.forEach(user -> grants.addAll(keygate.grants.of(user.asOwner())));
      List<Webhook> webhooks = keygate.webhooks.list(Optional.empty());
      return new State(
          keygate.apiKeys.all(),
          apis,
          apis.stream().flatMap(api -> keygate.apis.scopes(api.id()).stream()).toList(),
          organizations,
          users,
          grants,
          webhooks,
          webhooks.stream().map(webhook -> keygate.webhooks.storedSecret(webhook.id())).toList(),
          keygate.outbox.deliveries(),
          keygate.auditLog.events());
    }

    State withoutAudit() {
      return new State(
          keys,
          apis,
          scopes,
          organizations,
          users,
          grants,
          webhooks,
          webhookSecrets,
          deliveries,
          List.of());
    }
  }

  // Reading the tables

  private static Map<String, Call> calls(Call... calls) {
    Map<String, Call> byEndpoint = new LinkedHashMap<>();
    for (Call call : calls) {
      byEndpoint.put(call.endpoint(), call);
    }
    return byEndpoint;
  }

  private static Map<String, Map<Caller, Outcome>> outcomes() {
    Map<String, Map<Caller, Outcome>> table = new LinkedHashMap<>();
    rows(OUTCOMES, Caller.values().length)
        .forEach(
            (endpoint, cells) -> {
              Map<Caller, Outcome> row = new LinkedHashMap<>();
              for (Caller caller : Caller.values()) {
                row.put(caller, Outcome.parse(cells.get(caller.ordinal())));
              }
              table.put(endpoint, row);
            });
    return table;
  }

  private static Map<String, Map<Caller, String>> visible() {
    Map<String, Map<Caller, String>> table = new LinkedHashMap<>();
    rows(VISIBLE, Caller.PORTAL_OF_A.ordinal() + 1)
        .forEach(
            (endpoint, cells) -> {
              Map<Caller, String> row = new LinkedHashMap<>();
              for (int i = 0; i < cells.size(); i++) {
                Caller caller = Caller.values()[i];
                String seen = cells.get(i);
                boolean answered = OUTCOME_TABLE.get(endpoint).get(caller).status() == 200;
                if (answered == seen.equals("refused")) {
                  throw new AssertionError(
                      endpoint
                          + " for "
                          + caller.label
                          + " lists '"
                          + seen
                          + "' but answers "
                          + OUTCOME_TABLE.get(endpoint).get(caller));
                }
                row.put(caller, seen);
              }
              table.put(endpoint, row);
            });
    return table;
  }

  /** The rows of a table, by their first cell with its spacing made single; the header checked. */
  private static Map<String, List<String>> rows(String table, int columns) {
    List<String> lines = table.lines().filter(line -> !line.isBlank()).toList();
    List<String> header = cells(lines.get(0));
    for (int i = 0; i < columns; i++) {
      if (!header.get(i + 1).equals(Caller.values()[i].label)) {
        throw new AssertionError("column " + (i + 1) + " is " + header.get(i + 1));
      }
    }
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      if (cells.size() != columns + 1) {
        throw new AssertionError("row has " + cells.size() + " cells: " + line);
      }
      rows.put(cells.get(0).replaceAll("\\s+", " "), cells.subList(1, cells.size()));
    }
    return rows;
  }

  private static List<String> cells(String line) {
    return Arrays.stream(line.split("\\|")).map(String::strip).toList();
  }
}
