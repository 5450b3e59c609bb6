// How a key may be used: its rate limits, its credits and their refill, and the addresses it is
// allowed from, shown and changed in the console and the portal alike; and an owner's shared rate
// limits. The server decides who may loosen what (only the operator); the page shows its answer.

import { attempt, call, ownerPath } from "./api.js";
import { el, say, shownError } from "./dom.js";

const UNITS = [
  ["days", 86400],
  ["hours", 3600],
  ["minutes", 60],
  ["seconds", 1],
];

// 90 → [90, 1]; 7200 → [2, 3600]: the largest unit that divides the seconds exactly.
function split(seconds, units) {
  const [, unit] = units.find(([, size]) => seconds % size === 0) || units[units.length - 1];
  return [seconds / unit, unit];
}

function per(seconds) {
  const [n, unit] = split(seconds, UNITS);
  const name = UNITS.find(([, size]) => size === unit)[0];
  return n === 1 ? name.slice(0, -1) : n + " " + name;
}

// "P7D", "PT12H", "PT90M"… as seconds; NaN for anything else.
function isoSeconds(iso) {
  const parts = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso || "");
  if (!parts) return NaN;
  const [d, h, m, s] = parts.slice(1).map((part) => Number(part || 0));
  return ((d * 24 + h) * 60 + m) * 60 + s;
}

function iso(seconds) {
  if (seconds % 86400 === 0) return "P" + seconds / 86400 + "D";
  if (seconds % 3600 === 0) return "PT" + seconds / 3600 + "H";
  return seconds % 60 === 0 ? "PT" + seconds / 60 + "M" : "PT" + seconds + "S";
}

export function limitsText(limits) {
  return (limits || []).length === 0
    ? "none"
    : limits.map((l) => l.name + ": " + l.limit + " per " + per(l.duration_seconds)).join("; ");
}

function refillText(refill) {
  const when =
    refill.interval === "daily"
      ? "every day"
      : refill.interval === "monthly"
        ? "every month on day " + (refill.day || 1)
        : "every " + per(isoSeconds(refill.interval));
  return (refill.mode === "add" ? refill.amount + " added " : "refilled to " + refill.amount + " ") + when + " (UTC)";
}

function creditsText(credits) {
  if (!credits) return "unmetered";
  return credits.remaining + " left" + (credits.refill ? " · " + refillText(credits.refill) : " · no refill");
}

function addressesText(addresses) {
  return (addresses || []).length === 0 ? "anywhere" : addresses.join(", ");
}

// A key's policy in a line, for the list of keys.
export function policyLine(key) {
  const parts = [];
  if ((key.rate_limits || []).length) parts.push(limitsText(key.rate_limits));
  if (key.credits) parts.push(key.credits.remaining + " credits left");
  if ((key.ip_allowlist || []).length) parts.push("from " + addressesText(key.ip_allowlist));
  return parts.length ? parts.join(" · ") : "unlimited";
}

function number(attributes) {
  return el("input", { type: "number", min: "0", step: "1", inputmode: "numeric", class: "compact", ...attributes });
}

function inline(text, input) {
  return el("label", { class: "inline" }, text, " ", input);
}

// A count of seconds as a number and a unit.
function durationInput(id, seconds, units, what) {
  const [n, unit] = seconds ? split(seconds, units) : ["", units[0][1]];
  const amount = number({ id, min: "1", value: String(n), "aria-label": what });
  const unitSelect = el(
    "select",
    { class: "compact", "aria-label": what + ", unit", id: id + "-unit" },
    units.map(([name, size]) => el("option", { value: String(size), text: name, selected: size === unit }))
  );
  return { amount, unit: unitSelect, seconds: () => Number(amount.value) * Number(unitSelect.value) };
}

function blank(input) {
  return input.value.trim() === "";
}

// Any number of named limits, each a number of uses per window. value() answers the wire list.
export function rateLimitsEditor(limits, prefix) {
  const rows = el("div", { class: "limit-rows", id: prefix + "-limits" });
  const entries = [];
  let made = 0;
  function addRow(limit) {
    const i = ++made;
    const name = el("input", { type: "text", class: "compact limit-name", id: prefix + "-limit-name-" + i, maxlength: "64", autocomplete: "off", value: limit ? limit.name : "", placeholder: "burst" });
    const count = number({ class: "compact limit-count", id: prefix + "-limit-count-" + i, min: "1", value: limit ? String(limit.limit) : "", "aria-label": "Uses allowed, limit " + i });
    const span = durationInput(prefix + "-limit-window-" + i, limit && limit.duration_seconds, UNITS, "Window, limit " + i);
    const entry = { name, count, span };
    const row = el(
      "div",
      { class: "limit-row" },
      inline("Name", name),
      count,
      el("span", { text: "uses per" }),
      span.amount,
      span.unit,
      el("button", {
        type: "button",
        class: "remove-limit danger",
        "aria-label": "Remove limit " + i,
        text: "Remove",
        onclick: () => {
          entries.splice(entries.indexOf(entry), 1);
          row.remove();
        },
      })
    );
    entries.push(entry);
    rows.append(row);
    return name;
  }
  (limits || []).forEach((limit) => addRow(limit));
  const add = el("button", { type: "button", class: "add-limit", id: prefix + "-add-limit", text: "Add a limit", onclick: () => addRow().focus() });
  return {
    node: el("div", { class: "limits-editor" }, rows, add),
    value: () =>
      entries
        .filter((e) => !(blank(e.name) && blank(e.count)))
        .map((e) => ({ name: e.name.value.trim(), limit: Number(e.count.value), duration_seconds: e.span.seconds() })),
  };
}

// Credits and their refill. value() answers the wire object, or null for unmetered.
function creditsEditor(credits, prefix) {
  const refill = credits && credits.refill;
  const schedule = !refill ? "" : ["daily", "monthly"].includes(refill.interval) ? refill.interval : "periodic";
  const metered = el("input", { type: "checkbox", id: prefix + "-metered", checked: !!credits });
  const remaining = number({ id: prefix + "-remaining", value: credits ? String(credits.remaining) : "" });
  const interval = el(
    "select",
    { id: prefix + "-refill", class: "compact" },
    [["", "never"], ["daily", "every day"], ["monthly", "every month"], ["periodic", "every…"]].map(([value, text]) =>
      el("option", { value, text, selected: value === schedule })
    )
  );
  const amount = number({ id: prefix + "-refill-amount", min: "1", value: refill ? String(refill.amount) : "" });
  const day = number({ id: prefix + "-refill-day", min: "1", max: "31", value: refill && refill.day ? String(refill.day) : "1" });
  const every = durationInput(prefix + "-refill-every", refill && isoSeconds(refill.interval), UNITS.slice(0, 3), "Refill period");
  const mode = el(
    "select",
    { id: prefix + "-refill-mode", class: "compact" },
    el("option", { value: "set", text: "set the credits to it", selected: !refill || refill.mode !== "add" }),
    el("option", { value: "add", text: "add it to the credits", selected: !!refill && refill.mode === "add" })
  );
  const dayField = inline("on day", day);
  const everyField = el("span", { class: "inline" }, "every ", every.amount, every.unit);
  const refillFields = el("div", { class: "field-row" }, inline("Amount", amount), dayField, everyField, inline("Each refill", mode));
  const details = el("div", {}, el("div", { class: "field-row" }, inline("Remaining", remaining), inline("Refill", interval)), refillFields);
  function sync() {
    details.hidden = !metered.checked;
    refillFields.hidden = !interval.value;
    dayField.hidden = interval.value !== "monthly";
    everyField.hidden = interval.value !== "periodic";
  }
  metered.addEventListener("change", sync);
  interval.addEventListener("change", sync);
  sync();
  return {
    node: el("div", { class: "credits-editor" }, el("label", { class: "inline", for: metered.id }, metered, "Metered: each verification spends credits"), details),
    value: () => {
      if (!metered.checked) return null;
      if (blank(remaining)) throw new Error("Say how many credits remain, or untick Metered.");
      const answer = { remaining: Number(remaining.value) };
      if (interval.value) {
        answer.refill = {
          amount: Number(amount.value),
          interval: interval.value === "periodic" ? iso(every.seconds()) : interval.value,
          mode: mode.value,
        };
        if (interval.value === "monthly") answer.refill.day = Number(day.value);
      }
      return answer;
    },
  };
}

// Addresses and CIDR ranges, one a line. value() answers the wire list; empty is anywhere.
function addressesEditor(addresses, prefix) {
  const text = el("textarea", { id: prefix + "-addresses", rows: "3", spellcheck: "false", placeholder: "for example 203.0.113.0/24" });
  text.value = (addresses || []).join("\n");
  return {
    node: el("div", {}, el("label", { for: text.id, text: "Allowed addresses, one a line (none: anywhere)" }), text),
    value: () => text.value.split(/[\s,]+/).filter((a) => a !== ""),
  };
}

// The optional policy of a new key, for the form that adds one; value() answers only what is set,
// and throws, saying why, when something set is incomplete.
export function newKeyPolicy() {
  const limits = rateLimitsEditor([], "new-key");
  const credits = creditsEditor(null, "new-key");
  const addresses = addressesEditor([], "new-key");
  return {
    node: el(
      "details",
      { class: "policy-fields", id: "new-key-policy" },
      el("summary", { text: "Rate limits, credits and allowed addresses (optional)" }),
      el("h4", { text: "Rate limits" }),
      limits.node,
      el("h4", { text: "Credits" }),
      credits.node,
      addresses.node
    ),
    value: () => {
      const [rateLimits, metered, allowed] = [limits.value(), credits.value(), addresses.value()];
      const policy = {};
      if (rateLimits.length) policy.rate_limits = rateLimits;
      if (metered) policy.credits = metered;
      if (allowed.length) policy.ip_allowlist = allowed;
      return policy;
    },
  };
}

// A form that saves what save() sends; a refusal is repeated beside its button, where the person
// is looking (the error box at the top of the page may be scrolled away).
function savingForm(id, title, editor, buttonText, save) {
  const problem = el("p", { class: "form-error", id: id + "-error", hidden: true });
  const form = el(
    "form",
    { class: "policy-form", id, novalidate: true },
    title ? el("h4", { text: title }) : "",
    editor.node,
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", id: id + "-save", text: buttonText }), problem)
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.hidden = true;
    if (await save()) return;
    problem.textContent = shownError();
    problem.hidden = !problem.textContent;
  });
  return form;
}

function policyForm(id, title, editor, field, saved) {
  return savingForm(id, title, editor, "Save " + title.toLowerCase(), () => saved(() => ({ [field]: editor.value() }), title.toLowerCase()));
}

// One key's policy as the extended answer has it (GET /api_keys/{id}), and the forms that change
// it; after a change, reload() shows the key as it is now.
export function keyPolicySection(key, ownerName, note, reload) {
  async function saved(change, what) {
    const answer = await attempt(() => call("PATCH", "/api_keys/" + encodeURIComponent(key.id), change()));
    if (!answer) return false;
    await reload();
    say("Saved the " + what + " of " + key.name + ".");
    return true;
  }
  const row = (id, term, text) => [el("dt", { text: term }), el("dd", { id, text })];
  return el(
    "section",
    { class: "card", id: "key-policy", "aria-labelledby": "key-policy-title" },
    el("h3", { id: "key-policy-title", text: "Usage policy" }),
    note ? el("p", { class: "muted", id: "policy-note", text: note }) : "",
    el(
      "dl",
      { class: "policy-summary" },
      row("policy-limits", "Rate limits", limitsText(key.rate_limits)),
      row("policy-credits", "Credits", creditsText(key.credits)),
      row("policy-addresses", "Allowed addresses", addressesText(key.ip_allowlist)),
      row("policy-owner-limits", "Shared limits of " + ownerName, limitsText(key.owner_rate_limits))
    ),
    policyForm("key-limits-form", "Rate limits", rateLimitsEditor(key.rate_limits, "key"), "rate_limits", saved),
    policyForm("key-credits-form", "Credits", creditsEditor(key.credits, "key"), "credits", saved),
    policyForm("key-addresses-form", "Allowed addresses", addressesEditor(key.ip_allowlist, "key"), "ip_allowlist", saved)
  );
}

// The rate limits an owner's keys share, drawn from by every one of them; only the operator sets them.
export async function ownerLimitsSection(owner) {
  const path = ownerPath(owner) + "/rate_limits";
  const section = el("section", { "aria-labelledby": "owner-limits-title", id: "owner-limits-section" });
  async function load() {
    const read = await attempt(() => call("GET", path));
    if (!read) return;
    const editor = rateLimitsEditor(read.rate_limits, "owner");
    const form = savingForm("owner-limits-form", null, editor, "Save shared limits", async () => {
      const answer = await attempt(() => call("PUT", path, { rate_limits: editor.value() }));
      if (!answer) return false;
      await load();
      say("Saved the shared rate limits of " + owner.name + ".");
      return true;
    });
    section.replaceChildren(
      el("h2", { id: "owner-limits-title", text: "Shared rate limits" }),
      el("p", { class: "muted", text: "Every key of " + owner.name + " draws from these, on top of its own limits." }),
      el("p", {}, "Now: ", el("span", { id: "owner-limits", text: limitsText(read.rate_limits) })),
      form
    );
  }
  await load();
  return section;
}
