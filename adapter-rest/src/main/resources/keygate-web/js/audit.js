// The audit trail (/api/v1/audit_events): who did what to which object, newest first, narrowed by
// action, actor, key, organization and time, a page at a time.

import { attempt, call, query } from "./api.js";
import { cell, el, field, pager, shortWhen, whileBusy } from "./dom.js";

const EVENTS_PER_PAGE = 25;

// The actions the trail records, as the API writes them: offered while typing the action filter.
const ACTIONS = [
  "api_key_create",
  "api_key_read",
  "api_key_rotate",
  "api_key_update",
  "api_key_disable",
  "api_key_enable",
  "api_key_revoke",
  "api_key_verify",
  "api_register",
  "api_read",
  "api_delete",
  "scope_add",
  "scope_read",
  "scope_update",
  "scope_delete",
  "organization_create",
  "organization_read",
  "organization_update",
  "organization_delete",
  "user_create",
  "user_read",
  "user_update",
  "user_delete",
  "audit_read",
  "portal_link_create",
  "portal_link_delete",
  "grant_read",
  "grant_set",
  "grant_remove",
  "application_create",
  "application_read",
  "application_update",
  "application_delete",
  "application_rotate_secret",
  "application_authorize",
  "application_scope_add",
  "application_scope_remove",
  "signing_key_roll",
  "rate_limits_read",
  "rate_limits_set",
  "usage_read",
  "api_key_leak_reported",
  "webhook_create",
  "webhook_read",
  "webhook_update",
  "webhook_delete",
  "webhook_rotate_secret",
  "webhook_redeliver",
];

// A datetime-local value (the person's own time) as the instant the API reads; empty stays empty.
function instant(local) {
  return local ? new Date(local).toISOString() : "";
}

export async function auditSection() {
  const section = el("section", { "aria-labelledby": "audit-title", id: "audit-section" });
  const action = el("input", { type: "text", list: "audit-actions", autocomplete: "off", spellcheck: "false", placeholder: "api_key_rotate", class: "compact" });
  const actor = el("input", { type: "text", autocomplete: "off", spellcheck: "false", placeholder: "cli:alice or a key id", class: "compact" });
  const keyId = el("input", { type: "text", autocomplete: "off", spellcheck: "false", placeholder: "api_key_…", class: "compact" });
  const orgCode = el("input", { type: "text", autocomplete: "off", spellcheck: "false", placeholder: "org_acme", class: "compact" });
  const since = el("input", { type: "datetime-local", class: "compact" });
  const until = el("input", { type: "datetime-local", class: "compact" });
  const clear = el("button", { type: "button", id: "audit-clear", text: "Clear" });
  const filters = el(
    "form",
    { id: "audit-filters", class: "filters", "aria-label": "Filter the audit trail" },
    el("datalist", { id: "audit-actions" }, ACTIONS.map((a) => el("option", { value: a }))),
    field("audit-action", "Action", action),
    field("audit-actor", "Actor", actor),
    field("audit-key", "Key id", keyId),
    field("audit-org", "Organization code", orgCode),
    field("audit-since", "From", since),
    field("audit-until", "Until", until),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", id: "audit-apply", text: "Filter" }), clear)
  );
  const table = el("div", { id: "audit-table" });
  const pages = pager("audit", load);
  section.append(
    el("h2", { id: "audit-title", text: "Audit trail" }),
    el("p", { class: "muted", text: "Every management call, allowed or refused, newest first. Audit events never hold a secret." }),
    filters,
    table,
    pages.node
  );

  async function load(after) {
    const listed = await attempt(() =>
      call(
        "GET",
        "/audit_events" +
          query({
            action: action.value.trim(),
            actor: actor.value.trim(),
            key_id: keyId.value.trim(),
            org_code: orgCode.value.trim(),
            since: instant(since.value),
            until: instant(until.value),
            order: "newest",
            page_size: EVENTS_PER_PAGE,
            starting_after: after,
          })
      )
    );
    if (!listed) return undefined;
    const events = listed.audit_events;
    table.replaceChildren(
      events.length === 0
        ? el("p", { class: "muted", id: "no-events", text: after ? "No more events." : "No events match." })
        : el(
            "table",
            { id: "audit", class: "stacked compact" },
            el("thead", {}, el("tr", {}, ["Time", "Actor", "Action", "Target", "Outcome", "Detail"].map((h) => el("th", { scope: "col", text: h })))),
            el("tbody", {}, events.map(eventRow))
          )
    );
    return { last: events.length ? events[events.length - 1].id : after, hasMore: listed.has_more === true };
  }

  function eventRow(e) {
    // A key's id narrows the trail to that key in one click.
    const target = e.target.startsWith("api_key_")
      ? el("button", { type: "button", class: "link audit-target", title: "Only events of this key", text: e.target, onclick: () => narrow(keyId, e.target) })
      : el("code", { class: "audit-target", text: e.target });
    return el(
      "tr",
      { "data-event-id": e.id },
      cell("Time", {}, shortWhen(e.occurred_on)),
      cell("Actor", {}, el("button", { type: "button", class: "link audit-actor", title: "Only events by this actor", text: e.actor, onclick: () => narrow(actor, e.actor) })),
      cell("Action", { class: "audit-action", text: e.action }),
      cell("Target", {}, target),
      cell("Outcome", {}, el("span", { class: "status audit-outcome status-" + e.outcome, text: e.outcome })),
      cell("Detail", { class: "audit-detail", text: e.detail || "" })
    );
  }

  async function narrow(input, value) {
    input.value = value;
    await whileBusy(table, pages.first);
  }

  filters.addEventListener("submit", async (event) => {
    event.preventDefault();
    await whileBusy(table, pages.first);
  });
  clear.addEventListener("click", async () => {
    for (const input of [action, actor, keyId, orgCode, since, until]) input.value = "";
    await whileBusy(table, pages.first);
  });
  await whileBusy(table, pages.first);
  return section;
}
