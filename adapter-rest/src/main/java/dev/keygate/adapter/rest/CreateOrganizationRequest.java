package dev.keygate.adapter.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code POST /api/v1/organization}. The other fields Kinde's specification declares (an external
 * id, feature flags, brand settings, a handle, mail and billing settings) are accepted and ignored,
 * so that Kinde's clients can send them: Keygate keeps none of them. Any other field is refused.
 *
 * @param code the host application's own code, Keygate's extension; generated when left out
 */
@JsonIgnoreProperties({
  "feature_flags",
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
  "sender_name",
  "sender_email",
  "is_create_billing_customer",
  "billing_email",
  "billing_plan_code"
})
record CreateOrganizationRequest(@Required String name, String code) {}
