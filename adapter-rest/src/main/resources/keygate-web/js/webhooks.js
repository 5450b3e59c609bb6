// Webhooks in the console: the list with add, rotate secret and delete, and one webhook's delivery
// log with a redeliver button per delivery. A signing secret is shown once, in the panel that shows
// a new key: Keygate keeps it only to sign deliveries.

import { attempt, call, query } from "./api.js";
import { ask, issuedKeyPanel } from "./dialogs.js";
import { el, field, say, showError, when, whileBusy } from "./dom.js";

// The lifecycle events of a key a webhook may receive, by their names on the wire.
const EVENT_TYPES = [
  "api_key.created",
  "api_key.rotated",
  "api_key.revoked",
  "api_key.disabled",
  "api_key.enabled",
  "api_key.expiring",
  "api_key.expired",
  "api_key.leaked",
];

// Deliveries per page of the log; "More deliveries" reads the next page after the last one shown.
const DELIVERIES_PER_PAGE = 20;

function webhookPath(webhook) {
  return "/webhooks/" + encodeURIComponent(webhook.id);
}

// A cell that names its column, so that a narrow screen can stack the row (see table.stacked).
function cell(label, attributes, ...children) {
  return el("td", { ...attributes, "data-label": label }, ...children);
}

// The secret shown once, in slot; onDone puts the focus back where the person was.
function secretPanel(slot, title, secret, onDone) {
  slot.replaceChildren(
    issuedKeyPanel(
      title,
      secret,
      () => {
        slot.replaceChildren();
        onDone();
      },
      "signing secret",
      "Keygate keeps it only to sign deliveries; your receiver checks each delivery's webhook-signature header with it."
    )
  );
  slot.querySelector("#copy-key").focus();
}

// The section listing the webhooks; open(webhook) shows one of them with its delivery log.
export async function webhooksSection(open) {
  const section = el("section", { "aria-labelledby": "webhooks-title", id: "webhooks-section" });
  const addButton = el("button", { type: "button", id: "add-webhook", class: "primary", text: "Add webhook" });
  const formSlot = el("div", { id: "webhook-form-slot" });
  const table = el("div", { id: "webhooks-table" });
  section.append(
    el("h2", { id: "webhooks-title", text: "Webhooks" }),
    el("p", { class: "muted", text: "Endpoints that receive the lifecycle events of API keys, signed as Standard Webhooks." }),
    el("div", { class: "toolbar" }, addButton),
    formSlot,
    table
  );

  async function refresh() {
    await whileBusy(table, load);
  }

  async function load() {
    const listed = await attempt(() => call("GET", "/webhooks"));
    if (!listed) return;
    if (listed.webhooks.length === 0) {
      table.replaceChildren(el("p", { class: "muted", id: "no-webhooks", text: "No webhooks yet." }));
      return;
    }
    table.replaceChildren(
      el(
        "table",
        { id: "webhooks", class: "stacked" },
        el("thead", {}, el("tr", {}, ["Name", "Endpoint", "Event types", "Organization", "Created", "Actions"].map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", {}, listed.webhooks.map((w) => webhookRow(w)))
      )
    );
  }

  function webhookRow(w) {
    return el(
      "tr",
      { "data-webhook-id": w.id },
      cell("Name", {}, el("button", { type: "button", class: "open-webhook webhook-name", "aria-label": "Open webhook " + w.name, text: w.name, onclick: () => open(w) })),
      cell("Endpoint", { class: "webhook-endpoint" }, el("code", { text: w.endpoint })),
      cell("Event types", { class: "webhook-events", text: (w.event_types || []).join(", ") }),
      cell("Organization", { class: "webhook-org", text: w.org_code || "whole deployment" }),
      cell("Created", { text: when(w.created_on) }),
      cell(
        "Actions",
        {},
        el(
          "div",
          { class: "actions" },
          el("button", { type: "button", class: "rotate-webhook-secret", "aria-label": "Rotate the signing secret of " + w.name, text: "Rotate secret", onclick: () => rotate(w) }),
          el("button", { type: "button", class: "delete-webhook danger", "aria-label": "Delete " + w.name, text: "Delete", onclick: () => remove(w) })
        )
      )
    );
  }

  function secretShown(title, secret) {
    secretPanel(formSlot, title, secret, () => addButton.focus());
  }

  async function rotate(w) {
    const ok = await ask(
      "Rotate the signing secret of " + w.name + "?",
      "A new signing secret is made and shown once. Deliveries are signed with it from now on: give it to the receiver.",
      "Rotate secret",
      null,
      true
    );
    if (!ok) return;
    const answer = await attempt(() => call("POST", webhookPath(w) + "/rotate_secret"));
    if (!answer) return;
    secretShown("New signing secret for " + w.name, answer.signing_secret);
  }

  async function remove(w) {
    const ok = await ask(
      "Delete " + w.name + "?",
      "It receives no more events, and the deliveries not yet made are dropped. This cannot be undone.",
      "Delete webhook",
      null,
      true
    );
    if (!ok) return;
    const answer = await attempt(() => call("DELETE", webhookPath(w)));
    if (!answer) return;
    formSlot.replaceChildren();
    await refresh();
    say("Deleted " + w.name + ".");
  }

  async function openForm() {
    const organizations = await attempt(() => call("GET", "/organizations?page_size=500"));
    if (!organizations) return;
    const endpoint = el("input", { type: "url", required: true, maxlength: "2048", autocomplete: "off", placeholder: "https://hooks.example.com/keygate" });
    const name = el("input", { type: "text", maxlength: "128", autocomplete: "off", placeholder: "the endpoint's host when left empty" });
    const description = el("input", { type: "text", maxlength: "1024", autocomplete: "off" });
    const events = el(
      "fieldset",
      { id: "webhook-events" },
      el("legend", { text: "Event types" }),
      EVENT_TYPES.map((type, i) => el("label", { for: "webhook-event-" + i }, el("input", { type: "checkbox", name: "event_type", value: type, id: "webhook-event-" + i }), type))
    );
    const org = el(
      "select",
      {},
      el("option", { value: "", text: "Whole deployment: every key's events" }),
      organizations.organizations.map((o) => el("option", { value: o.code, text: o.name + " (" + o.code + ")" }))
    );
    const form = el(
      "form",
      { class: "card", id: "webhook-form", "aria-labelledby": "webhook-form-title", novalidate: true },
      el("h3", { id: "webhook-form-title", text: "Add webhook" }),
      field("webhook-endpoint", "Endpoint", endpoint),
      events,
      field("webhook-name", "Name (optional)", name),
      field("webhook-description", "Description (optional)", description),
      field("webhook-org", "Organization", org),
      el(
        "div",
        { class: "actions" },
        el("button", { type: "submit", id: "save-webhook", class: "primary", text: "Save" }),
        el("button", { type: "button", id: "cancel-webhook", text: "Cancel", onclick: () => { formSlot.replaceChildren(); addButton.focus(); } })
      )
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = {
        endpoint: endpoint.value.trim(),
        event_types: Array.from(events.querySelectorAll("input:checked")).map((box) => box.value),
      };
      if (!body.endpoint) return showError("Give the endpoint the events are sent to.");
      if (body.event_types.length === 0) return showError("Choose at least one event type.");
      if (name.value.trim()) body.name = name.value.trim();
      if (description.value.trim()) body.description = description.value.trim();
      if (org.value) body.org_code = org.value;
      const created = await attempt(() => call("POST", "/webhooks", body));
      if (!created) return;
      secretShown("Webhook " + (created.webhook.name || body.endpoint) + " created", created.webhook.signing_secret);
      await refresh();
    });
    formSlot.replaceChildren(form);
    endpoint.focus();
  }

  addButton.addEventListener("click", openForm);
  await refresh();
  return section;
}

// One webhook: what it receives, and its delivery log, newest first, with a redeliver button.
export async function webhookSection(webhook, back) {
  const section = el("section", { "aria-labelledby": "webhook-title", id: "webhook-section" });
  const read = await attempt(() => call("GET", webhookPath(webhook)));
  if (!read) return section;
  const w = read.webhook;
  const rows = el("tbody", {});
  const log = el("div", { id: "deliveries-table" });
  const more = el("button", { type: "button", id: "more-deliveries", text: "More deliveries", hidden: true });
  const reload = el("button", { type: "button", id: "refresh-deliveries", text: "Refresh" });
  // The id of the last delivery shown: the next page starts after it.
  let last = null;

  async function page(after) {
    await whileBusy(log, async () => {
      const listed = await attempt(() =>
        call("GET", webhookPath(w) + "/deliveries" + query({ page_size: DELIVERIES_PER_PAGE, starting_after: after || undefined }))
      );
      if (!listed) return;
      if (!after) {
        rows.replaceChildren();
        last = null;
      }
      rows.append(...listed.deliveries.map((d) => deliveryRow(d)));
      if (listed.deliveries.length > 0) last = listed.deliveries[listed.deliveries.length - 1].id;
      more.hidden = !listed.has_more;
      log.replaceChildren(
        rows.children.length
          ? el(
              "table",
              { id: "deliveries", class: "stacked" },
              el("caption", { class: "muted", text: rows.children.length + (listed.has_more ? "+" : "") + " delivery(ies), newest first" }),
              el("thead", {}, el("tr", {}, ["Event", "Key", "Status", "Attempts", "Last attempt", "Next attempt", "Actions"].map((h) => el("th", { scope: "col", text: h })))),
              rows
            )
          : el("p", { class: "muted", id: "no-deliveries", text: "No deliveries yet: events of the types it receives show here." })
      );
    });
  }

  // When it was last tried and what came of it: the receiver's status code, or why it failed.
  function lastAttempt(d) {
    if (!d.last_attempt_on) return [when(null)];
    const answer = d.last_error || (d.last_status_code ? "HTTP " + d.last_status_code : "");
    return [when(d.last_attempt_on), answer ? el("br") : "", answer ? el("span", { class: "delivery-answer", text: answer }) : ""];
  }

  // An id such as api_key_0f3a…, free to break after its prefix in a narrow column.
  function breakable(id) {
    const cut = id.lastIndexOf("_") + 1;
    return [id.substring(0, cut), el("wbr"), id.substring(cut)];
  }

  function deliveryRow(d) {
    const row = el(
      "tr",
      { "data-delivery-id": d.id },
      cell("Event", {}, el("span", { class: "delivery-event", text: d.event_type }), el("br"), el("span", { class: "muted", text: when(d.created_on) })),
      cell("Key", {}, el("code", { class: "delivery-key" }, breakable(d.api_key_id))),
      cell("Status", {}, el("span", { class: "status delivery-status status-" + d.status, text: d.status })),
      cell("Attempts", { class: "delivery-attempts", text: String(d.attempts) }),
      cell("Last attempt", {}, lastAttempt(d)),
      cell("Next attempt", { class: "delivery-next", text: d.next_attempt_on ? when(d.next_attempt_on) : "none" }),
      cell(
        "Actions",
        {},
        el("button", {
          type: "button",
          class: "redeliver",
          "aria-label": "Redeliver " + d.event_type + " " + d.id,
          text: "Redeliver",
          onclick: () => redeliver(d, row),
        })
      )
    );
    return row;
  }

  async function redeliver(d, row) {
    const answer = await attempt(() => call("POST", webhookPath(w) + "/deliveries/" + encodeURIComponent(d.id) + "/redeliver"));
    if (!answer) return;
    // The delivery as it stands now, in its place: the pages after it stay as they were.
    row.replaceWith(deliveryRow(answer.delivery));
    say("Redelivery of " + d.event_type + " (" + d.id + ") scheduled.");
  }

  more.addEventListener("click", () => page(last));
  reload.addEventListener("click", () => page(null));
  section.append(
    el("h2", { id: "webhook-title", text: "Webhook " + w.name }),
    el("p", { class: "muted webhook-summary" }, "Endpoint ", el("code", { text: w.endpoint }), " · " + (w.org_code ? "organization " + w.org_code : "whole deployment") + " · created " + when(w.created_on)),
    w.description ? el("p", { text: w.description }) : "",
    el("p", {}, "Receives ", el("span", { id: "webhook-events-received", text: (w.event_types || []).join(", ") })),
    el("h3", { id: "deliveries-title", text: "Delivery log" }),
    el("div", { class: "toolbar" }, reload),
    log,
    el("div", { class: "actions" }, more, el("button", { type: "button", id: "back", text: "← Webhooks", onclick: back }))
  );
  await page(null);
  return section;
}
