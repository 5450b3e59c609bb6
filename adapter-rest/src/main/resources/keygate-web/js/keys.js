// The API keys of one owner, organization or user, in the console and the portal alike: the list
// with its status filter, add, rotate, disable, enable and revoke, and one key's details: its
// usage policy and its verifications.

import { attempt, call, query } from "./api.js";
import { usageSection } from "./charts.js";
import { ask, issuedKeyPanel } from "./dialogs.js";
import { cell, el, field, pager, say, shortWhen, showError, whileBusy } from "./dom.js";
import { keyPolicySection, newKeyPolicy, policyLine } from "./policy.js";

const KEYS_PER_PAGE = 20;

// What a person needs to know of a key at a glance: an expired key shows as expired, whatever its
// status, since it no longer verifies.
export function stateOf(k) {
  if (k.status === "revoked") return "revoked";
  if (k.expires_on && Date.parse(k.expires_on) <= Date.now()) return "expired";
  return k.status === "inactive" ? "disabled" : k.status;
}

function ownerQuery(owner) {
  return owner.type === "organization" ? { org_code: owner.id } : { user_id: owner.id };
}

// The section of one owner's keys. options.hide(key) leaves a key out of the list,
// options.hideApi(api) an API out of the form, and options.grants(), where given, answers what the
// owner may hold (see grantsOf), so that the form offers only that; options.policyNote, where
// given, says above a key's policy what the person may change there.
export async function keysSection(owner, options) {
  const section = el("section", { "aria-labelledby": "keys-title", id: "keys-section" });
  const status = el(
    "select",
    {},
    el("option", { value: "", text: "All" }),
    el("option", { value: "active", text: "Active" }),
    el("option", { value: "inactive", text: "Disabled" }),
    el("option", { value: "revoked", text: "Revoked" })
  );
  const search = el("input", { type: "search", autocomplete: "off", spellcheck: "false", placeholder: "Name or key id", class: "compact-search" });
  const addButton = el("button", { type: "button", id: "add-key", class: "primary", text: "Add API key" });
  const formSlot = el("div", { id: "key-form-slot" });
  const detailSlot = el("div", { id: "key-detail-slot" });
  const table = el("div", { id: "keys-table" });
  const pages = pager("keys", load);
  section.append(
    el("h2", { id: "keys-title", text: "API keys" }),
    el("div", { class: "toolbar" }, field("key-search", "Search", search), field("status-filter", "Status", status), addButton),
    formSlot,
    detailSlot,
    table,
    pages.node
  );

  // The page shown, read again after a change.
  async function refresh() {
    await whileBusy(table, pages.again);
  }

  async function load(after) {
    const listed = await attempt(() =>
      call(
        "GET",
        "/api_keys" +
          query({ ...ownerQuery(owner), status: status.value, search: search.value.trim(), page_size: KEYS_PER_PAGE, starting_after: after })
      )
    );
    if (!listed) return undefined;
    const last = listed.api_keys.length ? listed.api_keys[listed.api_keys.length - 1].id : after;
    const keys = listed.api_keys.filter((k) => !options.hide || !options.hide(k));
    if (keys.length === 0) {
      const filtered = status.value || search.value.trim();
      table.replaceChildren(el("p", { class: "muted", id: "no-keys", text: "No API keys" + (filtered ? " match." : after ? " on this page." : " yet.") }));
    } else {
      table.replaceChildren(
        el(
          "table",
          { id: "keys", class: "stacked compact" },
          el("thead", {}, el("tr", {}, ["Name", "Key", "Status", "Scopes", "Usage policy", "Expires", "Last used", "Actions"].map((h) => el("th", { scope: "col", text: h })))),
          el("tbody", {}, keys.map((k) => keyRow(k)))
        )
      );
    }
    return { last, hasMore: listed.has_more === true };
  }

  function keyRow(k) {
    const state = stateOf(k);
    const actions = el("div", { class: "actions" }, el("button", { type: "button", class: "details small", "aria-label": "Details of " + k.name, text: "Details", onclick: () => openDetail(k) }));
    if (state === "active" || state === "disabled") {
      actions.append(
        el("button", { type: "button", class: "rotate small", "aria-label": "Rotate " + k.name, text: "Rotate", onclick: () => rotate(k) }),
        state === "active"
          ? el("button", { type: "button", class: "disable small", "aria-label": "Disable " + k.name, text: "Disable", onclick: () => setStatus(k, "inactive") })
          : el("button", { type: "button", class: "enable small", "aria-label": "Enable " + k.name, text: "Enable", onclick: () => setStatus(k, "active") })
      );
    }
    if (state !== "revoked") {
      actions.append(el("button", { type: "button", class: "revoke danger small", "aria-label": "Revoke " + k.name, text: "Revoke", onclick: () => revoke(k) }));
    }
    // A rotated key's previous secret still verifies until then: worth seeing before it stops.
    const grace = k.previous_secret_expires_on
      ? el("div", { class: "grace" }, "old secret valid until ", shortWhen(k.previous_secret_expires_on))
      : "";
    return el(
      "tr",
      { "data-key-id": k.id },
      el("td", { class: "key-name", "data-label": "Name", text: k.name }),
      cell("Key", {}, el("code", { text: k.key_prefix + "…" + k.key_suffix })),
      cell("Status", {}, el("span", { class: "status status-" + state, text: state }), grace),
      cell("Scopes", { class: "key-scopes", text: (k.scopes || []).join(", ") || "none" }),
      cell("Usage policy", { class: "key-policy", text: policyLine(k) }),
      cell("Expires", { class: "key-expires" }, k.expires_on ? shortWhen(k.expires_on) : "never"),
      cell("Last used", {}, shortWhen(k.last_verified_on)),
      cell("Actions", {}, actions)
    );
  }

  async function openDetail(k) {
    const ownerName = (owner.type === "organization" ? "organization " : "user ") + (owner.name || owner.id);
    const subject = "key " + k.name;
    async function render() {
      const read = await attempt(() => call("GET", "/api_keys/" + encodeURIComponent(k.id)));
      if (!read) return;
      const close = el("button", { type: "button", id: "close-detail", text: "Close", onclick: () => { detailSlot.replaceChildren(); addButton.focus(); } });
      const detail = el(
        "section",
        { class: "card key-detail", id: "key-detail", "aria-labelledby": "key-detail-title", tabindex: "-1" },
        el("h3", { id: "key-detail-title", text: "Key " + k.name }),
        keyPolicySection(read.api_key, ownerName, options.policyNote, render),
        await usageSection("/api_keys/" + encodeURIComponent(k.id) + "/usage", subject),
        el("div", { class: "actions" }, close)
      );
      detailSlot.replaceChildren(detail);
      detail.focus();
    }
    await render();
  }

  async function rotate(k) {
    const grace = el(
      "select",
      {},
      el("option", { value: "0", text: "Stop the old key now" }),
      el("option", { value: "3600", text: "Keep the old key working for 1 hour" }),
      el("option", { value: "86400", text: "Keep the old key working for 24 hours" }),
      el("option", { value: "604800", text: "Keep the old key working for 7 days" })
    );
    const ok = await ask(
      "Rotate " + k.name + "?",
      "A new key is made and shown once. Choose how long the current key keeps working.",
      "Rotate",
      field("rotate-grace", "Grace period", grace),
      false
    );
    if (!ok) return;
    const seconds = Number(grace.value);
    const answer = await attempt(() =>
      call("PUT", "/api_keys/" + encodeURIComponent(k.id), seconds > 0 ? { previous_key_expires_in_seconds: seconds } : undefined)
    );
    if (!answer) return;
    formSlot.replaceChildren(
      issuedKeyPanel("New key for " + k.name, answer.api_key.key, () => {
        formSlot.replaceChildren();
        addButton.focus();
      })
    );
    formSlot.querySelector("#copy-key").focus();
    await refresh();
  }

  async function setStatus(k, next) {
    const answer = await attempt(() => call("PATCH", "/api_keys/" + encodeURIComponent(k.id), { status: next }));
    if (!answer) return;
    await refresh();
    say((next === "active" ? "Enabled " : "Disabled ") + k.name + ".");
  }

  async function revoke(k) {
    const ok = await ask(
      "Revoke " + k.name + "?",
      "A revoked key never works again and cannot be enabled. This cannot be undone.",
      "Revoke key",
      null,
      true
    );
    if (!ok) return;
    const answer = await attempt(() => call("DELETE", "/api_keys/" + encodeURIComponent(k.id)));
    if (!answer) return;
    await refresh();
    say("Revoked " + k.name + ".");
  }

  async function openForm() {
    const apis = await attempt(() => call("GET", "/apis"));
    if (!apis) return;
    // Where the owner's grants are known, only what it may hold is offered.
    const grants = options.grants ? await options.grants() : null;
    const choices = apis.apis
      .filter((api) => !options.hideApi || !options.hideApi(api))
      .filter((api) => !grants || grants.has(api.id));
    const name = el("input", { type: "text", required: true, maxlength: "128", autocomplete: "off" });
    const apiSelect = el(
      "select",
      { required: true },
      el("option", { value: "", text: "Choose an API" }),
      choices.map((api) => el("option", { value: api.id, text: api.name + " (" + api.audience + ")" }))
    );
    const scopes = el("fieldset", { id: "key-scopes" }, el("legend", { text: "Scopes" }), el("p", { class: "muted", text: "Choose an API first." }));
    const policy = newKeyPolicy();
    apiSelect.addEventListener("change", async () => {
      scopes.replaceChildren(el("legend", { text: "Scopes" }));
      if (!apiSelect.value) return;
      const listed = await attempt(() => call("GET", "/apis/" + encodeURIComponent(apiSelect.value) + "/scopes"));
      if (!listed) return;
      const offered = listed.scopes.filter((scope) => !grants || grants.get(apiSelect.value).has(scope.key));
      if (offered.length === 0) {
        scopes.append(el("p", { class: "muted", text: grants ? "No scopes of this API are granted to you." : "This API defines no scopes." }));
      }
      offered.forEach((scope, i) => {
        const box = el("input", { type: "checkbox", name: "scope", value: scope.key, id: "scope-" + i });
        scopes.append(el("label", { for: "scope-" + i }, box, scope.key, scope.description ? el("span", { class: "muted", text: " — " + scope.description }) : ""));
      });
    });
    const form = el(
      "form",
      { class: "card", id: "key-form", "aria-labelledby": "key-form-title", novalidate: true },
      el("h3", { id: "key-form-title", text: "Add API key" }),
      field("key-name", "Name", name),
      field("key-api", "API", apiSelect),
      scopes,
      policy.node,
      el(
        "div",
        { class: "actions" },
        el("button", { type: "submit", id: "save-key", class: "primary", text: "Save" }),
        el("button", { type: "button", id: "cancel-key", text: "Cancel", onclick: () => { formSlot.replaceChildren(); addButton.focus(); } })
      )
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = {
        name: name.value.trim(),
        api_id: apiSelect.value,
        scope_ids: Array.from(scopes.querySelectorAll("input:checked")).map((box) => box.value),
        ...ownerQuery(owner),
      };
      if (!body.name) return showError("Give the key a name.");
      if (!body.api_id) return showError("Choose the API the key is for.");
      const created = await attempt(() => call("POST", "/api_keys", { ...body, ...policy.value() }));
      if (!created) return;
      formSlot.replaceChildren(
        issuedKeyPanel("API key " + body.name + " created", created.api_key.key, () => {
          formSlot.replaceChildren();
          addButton.focus();
        })
      );
      formSlot.querySelector("#copy-key").focus();
      await refresh();
    });
    formSlot.replaceChildren(form);
    name.focus();
  }

  status.addEventListener("change", () => whileBusy(table, pages.first));
  // Searched as the person types, once they pause.
  let typing;
  search.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => whileBusy(table, pages.first), 300);
  });
  addButton.addEventListener("click", openForm);
  await whileBusy(table, pages.first);
  return section;
}
