package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.DeclaredShape.array;
import static dev.keygate.adapter.rest.DeclaredShape.bool;
import static dev.keygate.adapter.rest.DeclaredShape.dateTime;
import static dev.keygate.adapter.rest.DeclaredShape.integer;
import static dev.keygate.adapter.rest.DeclaredShape.object;
import static dev.keygate.adapter.rest.DeclaredShape.string;

/**
 * The answers Kinde's published management API specification (v0.19.0, {@code components/schemas})
 * declares for the operations Keygate serves, written down by reading it: the tests must not read
 * the specification, which is not part of the repository.
 */
final class KindeSpec {

  private KindeSpec() {}

  /** {@code error_response}: 400, 403 and 429 of every operation, 401 of verify. */
  static final DeclaredShape ERROR_RESPONSE =
      object("errors", array(object("code", string(), "message", string())));

  /** {@code not_found_response}: the 404 of the operations that declare one. */
  static final DeclaredShape NOT_FOUND_RESPONSE =
      object("errors", object("code", string(), "message", string()));

  /** {@code success_response}. */
  static final DeclaredShape SUCCESS_RESPONSE = object("message", string(), "code", string());

  /** {@code delete_api_response}. */
  static final DeclaredShape DELETE_API_RESPONSE = SUCCESS_RESPONSE;

  /** {@code get_api_keys_response}. */
  static final DeclaredShape GET_API_KEYS_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "has_more", bool(),
          "api_keys",
              array(
                  object(
                      "id", string(),
                      "name", string(),
                      "type", string(),
                      "status", string(),
                      "key_prefix", string(),
                      "key_suffix", string().nullable(),
                      "created_on", dateTime(),
                      "last_verified_on", dateTime().nullable(),
                      "last_verified_ip", string().nullable(),
                      "created_by", string().nullable(),
                      "api_ids", array(string()),
                      "scopes", array(string()))));

  /** {@code create_api_key_response} and, with the same fields, {@code rotate_api_key_response}. */
  static final DeclaredShape CREATE_API_KEY_RESPONSE =
      object(
          "message",
          string(),
          "code",
          string(),
          "api_key",
          object("id", string(), "key", string()));

  static final DeclaredShape ROTATE_API_KEY_RESPONSE = CREATE_API_KEY_RESPONSE;

  /** {@code get_api_key_response}. */
  static final DeclaredShape GET_API_KEY_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "api_key",
              object(
                  "id", string(),
                  "name", string(),
                  "type", string(),
                  "status", string(),
                  "key_prefix", string(),
                  "key_suffix", string().nullable(),
                  "created_on", dateTime(),
                  "last_verified_on", dateTime().nullable(),
                  "last_verified_ip", string().nullable(),
                  "created_by", string().nullable(),
                  "api_ids", array(string()),
                  "scopes", array(string()),
                  "verification_count", integer().nullable(),
                  "organization_id", string().nullable(),
                  "user_id", string().nullable()));

  /** {@code verify_api_key_response}. */
  static final DeclaredShape VERIFY_API_KEY_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "is_valid", bool(),
          "key_id", string(),
          "status", string(),
          "scopes", array(string()),
          "org_code", string().nullable(),
          "user_id", string().nullable(),
          "last_verified_on", dateTime().nullable(),
          "verification_count", integer());

  /** {@code get_apis_response}: an API's scopes are {@code {id, key}}. */
  static final DeclaredShape GET_APIS_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "next_token", string(),
          "apis",
              array(
                  object(
                      "id", string(),
                      "name", string(),
                      "audience", string(),
                      "is_management_api", bool(),
                      "scopes", array(object("id", string(), "key", string())))));

  /** {@code create_apis_response}. */
  static final DeclaredShape CREATE_APIS_RESPONSE =
      object("message", string(), "code", string(), "api", object("id", string()));

  /** {@code get_api_response}; Keygate has no applications to list. */
  static final DeclaredShape GET_API_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "api",
              object(
                  "id", string(),
                  "name", string(),
                  "audience", string(),
                  "is_management_api", bool(),
                  "scopes", array(object("id", string(), "key", string())),
                  "applications",
                      array(
                          object(
                              "id", string(),
                              "name", string(),
                              "type", string(),
                              "is_active", bool().nullable()))));

  private static final DeclaredShape SCOPE =
      object("id", string(), "key", string(), "description", string());

  /** {@code get_api_scopes_response}. */
  static final DeclaredShape GET_API_SCOPES_RESPONSE =
      object("code", string(), "message", string(), "scopes", array(SCOPE));

  /** {@code get_api_scope_response}. */
  static final DeclaredShape GET_API_SCOPE_RESPONSE =
      object("code", string(), "message", string(), "scope", SCOPE);

  /** {@code create_api_scopes_response}. */
  static final DeclaredShape CREATE_API_SCOPES_RESPONSE =
      object("message", string(), "code", string(), "scope", object("id", string()));

  /** {@code create_application_response}. */
  static final DeclaredShape CREATE_APPLICATION_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "application", object("id", string(), "client_id", string(), "client_secret", string()));

  /** {@code get_applications_response}, its items {@code applications}. */
  static final DeclaredShape GET_APPLICATIONS_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "applications", array(object("id", string(), "name", string(), "type", string())),
          "next_token", string());

  /** {@code get_application_response} (Kinde's login and homepage fields are for other types). */
  static final DeclaredShape GET_APPLICATION_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "application",
              object(
                  "id", string(),
                  "name", string(),
                  "type", string(),
                  "client_id", string(),
                  "client_secret", string(),
                  "login_uri", string(),
                  "homepage_uri", string(),
                  "has_cancel_button", bool()));

  /** {@code create_webhook_response}. */
  static final DeclaredShape CREATE_WEBHOOK_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "webhook", object("id", string(), "endpoint", string()));

  /** {@code webhook}. */
  static final DeclaredShape WEBHOOK =
      object(
          "id", string(),
          "name", string(),
          "endpoint", string(),
          "description", string(),
          "event_types", array(string()),
          "created_on", string());

  /** {@code get_webhooks_response}. */
  static final DeclaredShape GET_WEBHOOKS_RESPONSE =
      object("code", string(), "message", string(), "webhooks", array(WEBHOOK));

  /** {@code update_webhook_response}. */
  static final DeclaredShape UPDATE_WEBHOOK_RESPONSE =
      object("message", string(), "code", string(), "webhook", object("id", string()));

  /** {@code delete_webhook_response}. */
  static final DeclaredShape DELETE_WEBHOOK_RESPONSE =
      object("code", string(), "message", string());

  /** {@code create_organization_response}. */
  static final DeclaredShape CREATE_ORGANIZATION_RESPONSE =
      object(
          "message", string(),
          "code", string(),
          "organization", object("code", string(), "billing_customer_id", string()));

  /** {@code organization_item_schema}. */
  static final DeclaredShape ORGANIZATION_ITEM =
      object(
          "code", string(),
          "name", string(),
          "handle", string().nullable(),
          "is_default", bool(),
          "external_id", string().nullable(),
          "is_auto_membership_enabled", bool());

  /** {@code get_organizations_response}. */
  static final DeclaredShape GET_ORGANIZATIONS_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "organizations", array(ORGANIZATION_ITEM),
          "next_token", string());

  /**
   * {@code get_organization_response}: the organization itself, not wrapped; Keygate has none of
   * its brand, logo, mail or billing fields (objects and the like not written out here).
   */
  static final DeclaredShape GET_ORGANIZATION_RESPONSE =
      object(
          "code", string(),
          "name", string(),
          "handle", string().nullable(),
          "is_default", bool(),
          "external_id", string().nullable(),
          "is_auto_membership_enabled", bool(),
          "logo", string().nullable(),
          "logo_dark", string().nullable(),
          "favicon_svg", string().nullable(),
          "favicon_fallback", string().nullable(),
          "theme_code", string(),
          "color_scheme", string(),
          "created_on", string(),
          "is_allow_registrations", bool().nullable(),
          "sender_name", string().nullable(),
          "sender_email", string().nullable(),
          "is_suspended", bool(),
          "suspended_on", string().nullable());

  /** {@code user}: getUserData's answer. */
  static final DeclaredShape USER =
      object(
          "id", string(),
          "provided_id", string(),
          "preferred_email", string(),
          "phone", string(),
          "username", string(),
          "last_name", string(),
          "first_name", string(),
          "is_suspended", bool(),
          "picture", string(),
          "total_sign_ins", integer().nullable(),
          "failed_sign_ins", integer().nullable(),
          "last_signed_in", string().nullable(),
          "created_on", string().nullable(),
          "organizations", array(string()),
          "identities", array(object("type", string(), "identity", string())),
          "billing", object("customer_id", string()));

  /** {@code update_user_response}. */
  static final DeclaredShape UPDATE_USER_RESPONSE =
      object(
          "id", string(),
          "given_name", string(),
          "family_name", string(),
          "email", string(),
          "is_suspended", bool(),
          "is_password_reset_requested", bool(),
          "picture", string().nullable());

  /** {@code create_user_response}. */
  static final DeclaredShape CREATE_USER_RESPONSE =
      object(
          "id", string(),
          "created", bool(),
          "identities", array(object("type", string(), "result", object("created", bool()))));

  /** {@code users_response}. */
  static final DeclaredShape USERS_RESPONSE =
      object(
          "code", string(),
          "message", string(),
          "users",
              array(
                  object(
                      "id", string(),
                      "provided_id", string(),
                      "email", string(),
                      "phone", string(),
                      "username", string(),
                      "last_name", string(),
                      "first_name", string(),
                      "is_suspended", bool(),
                      "picture", string(),
                      "total_sign_ins", integer().nullable(),
                      "failed_sign_ins", integer().nullable(),
                      "last_signed_in", string().nullable(),
                      "created_on", string().nullable(),
                      "last_organization_sign_ins",
                          array(object("org_code", string(), "last_signed_in", dateTime()))
                              .nullable(),
                      "organizations", array(string()),
                      "identities",
                          array(
                              object(
                                  "type", string(),
                                  "identity", string(),
                                  "connection_id", string().nullable())),
                      "billing", object("customer_id", string()))),
          "next_token", string());
}
