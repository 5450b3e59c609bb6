package dev.keygate.adapter.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code PATCH /api/v1/organization/{org_code}}: the new name. The other fields Kinde's
 * specification declares (an external id, brand settings, a handle, sign-up and mail settings) are
 * accepted and ignored, as when an organization is created; Keygate keeps none of them. {@code
 * is_suspended: true} is refused: Keygate does not suspend organizations, and ignoring it would
 * leave their keys working. Any other field is refused.
 */
@JsonIgnoreProperties({
  "external_id",
  "background_color",
  "button_color",
  "button_text_color",
  "link_color",
  "background_color_dark",
  "button_color_dark",
  "button_text_color_dark",
  "link_color_dark",
  "theme_code",
  "handle",
  "is_allow_registrations",
  "is_auto_membership_enabled",
  "is_auto_join_domain_list",
  "allowed_domains",
  "is_enable_advanced_orgs",
  "is_enforce_mfa",
  "sender_name",
  "sender_email"
})
record UpdateOrganizationRequest(String name, Boolean isSuspended) {}
