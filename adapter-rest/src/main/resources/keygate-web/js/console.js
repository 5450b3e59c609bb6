// The operator's console (/console): sign-in, the sections in the navigation and their views.
// The entry point of console.html.

import { attempt, call, ownerPath, query, session, whenRefused } from "./api.js";
import { applicationSection, applicationsSection } from "./applications.js";
import { auditSection } from "./audit.js";
import { usageSection } from "./charts.js";
import { clearMessages, el, field, pager, say, show, showError, when } from "./dom.js";
import { grantsSection } from "./grants.js";
import { keysSection } from "./keys.js";
import { ownerLimitsSection } from "./policy.js";
import { portalLinksSection } from "./portal-links.js";
import { webhookSection, webhooksSection } from "./webhooks.js";

const nav = document.getElementById("nav");
// Organizations and users, a page at a time: a deployment may have thousands.
const OWNERS_PER_PAGE = 50;
const view = document.getElementById("view");

// One function per view, named as go() names it.
const consoleViews = {
  async organizations() {
    const list = el("div", { id: "organizations-list" });
    const pages = pager("organizations", async (after) => {
      const listed = await attempt(() => call("GET", "/organizations" + query({ page_size: OWNERS_PER_PAGE, starting_after: after })));
      if (!listed) return undefined;
      const owners = listed.organizations.map((o) => ({ type: "organization", id: o.code, name: o.name, created: o.created_on }));
      list.replaceChildren(ownersTable(owners, "organizations"));
      return { last: owners.length ? owners[owners.length - 1].id : after, hasMore: listed.has_more === true };
    });
    if (!(await pages.first())) return;
    const name = el("input", { type: "text", required: true, autocomplete: "off" });
    const code = el("input", { type: "text", autocomplete: "off", placeholder: "made by Keygate when left empty" });
    const form = el(
      "form",
      { class: "card", id: "org-form", "aria-labelledby": "org-form-title" },
      el("h3", { id: "org-form-title", text: "Add organization" }),
      field("org-name", "Name", name),
      field("org-code", "Code (optional)", code),
      el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", id: "save-org", text: "Add organization" }))
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { name: name.value.trim() };
      if (code.value.trim()) body.code = code.value.trim();
      const created = await attempt(() => call("POST", "/organization", body));
      if (!created) return;
      await go("organizations");
      say("Created organization " + created.organization.code + ".");
    });
    show(
      el(
        "section",
        { "aria-labelledby": "orgs-title" },
        el("h2", { id: "orgs-title", text: "Organizations" }),
        list,
        pages.node
      ),
      form
    );
  },

  async users() {
    const list = el("div", { id: "users-list" });
    const pages = pager("users", async (after) => {
      const listed = await attempt(() => call("GET", "/users" + query({ page_size: OWNERS_PER_PAGE, starting_after: after })));
      if (!listed) return undefined;
      const owners = listed.users.map((u) => ({ type: "user", id: u.id, name: u.name, email: u.email, created: u.created_on }));
      list.replaceChildren(ownersTable(owners, "users"));
      return { last: owners.length ? owners[owners.length - 1].id : after, hasMore: listed.has_more === true };
    });
    if (!(await pages.first())) return;
    const name = el("input", { type: "text", required: true, autocomplete: "off" });
    const email = el("input", { type: "email", autocomplete: "off" });
    const id = el("input", { type: "text", autocomplete: "off", placeholder: "made by Keygate when left empty" });
    const form = el(
      "form",
      { class: "card", id: "user-form", "aria-labelledby": "user-form-title" },
      el("h3", { id: "user-form-title", text: "Add user" }),
      field("user-name", "Name", name),
      field("user-email", "Email (optional)", email),
      field("user-id", "Id (optional)", id),
      el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", id: "save-user", text: "Add user" }))
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { name: name.value.trim() };
      if (email.value.trim()) body.email = email.value.trim();
      if (id.value.trim()) body.id = id.value.trim();
      const created = await attempt(() => call("POST", "/user", body));
      if (!created) return;
      await go("users");
      say("Created user " + created.id + ".");
    });
    show(
      el(
        "section",
        { "aria-labelledby": "users-title" },
        el("h2", { id: "users-title", text: "Users" }),
        list,
        pages.node
      ),
      form
    );
  },

  async owner(owner) {
    const back = el("button", { type: "button", id: "back", text: owner.type === "organization" ? "← Organizations" : "← Users", onclick: () => go(owner.type === "organization" ? "organizations" : "users") });
    const heading = el(
      "section",
      { "aria-labelledby": "owner-title" },
      el("h2", { id: "owner-title", text: (owner.type === "organization" ? "Organization " : "User ") + owner.name }),
      el("p", { class: "muted" }, owner.type === "organization" ? "Code " : "Id ", el("code", { text: owner.id })),
      el(
        "div",
        { class: "actions" },
        back,
        el("button", { type: "button", id: "owner-portal-link", text: "Make portal link", onclick: () => go("portalLinks", owner) })
      )
    );
    const keys = await keysSection(owner, {});
    const limits = await ownerLimitsSection(owner);
    const usage = await usageSection(ownerPath(owner) + "/usage", owner.name, "Verifications of all its keys", "h2");
    usage.id = "owner-usage";
    const grants = await grantsSection(owner);
    show(heading, keys, limits, usage, grants);
  },

  async apis() {
    const listed = await attempt(() => call("GET", "/apis"));
    if (!listed) return;
    const rows = listed.apis.map((api) =>
      el(
        "tr",
        { "data-api-id": api.id },
        el("td", {}, el("button", { type: "button", class: "open-api", text: api.name, "aria-label": "Open API " + api.name, onclick: () => go("api", api) })),
        el("td", {}, el("code", { text: api.audience })),
        el("td", { text: api.is_management_api ? "Keygate management" : "" })
      )
    );
    const name = el("input", { type: "text", required: true, autocomplete: "off" });
    const audience = el("input", { type: "text", required: true, autocomplete: "off", placeholder: "https://users.example.com" });
    const form = el(
      "form",
      { class: "card", id: "api-form", "aria-labelledby": "api-form-title" },
      el("h3", { id: "api-form-title", text: "Register API" }),
      field("api-name", "Name", name),
      field("api-audience", "Audience", audience),
      el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", id: "save-api", text: "Register API" }))
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const created = await attempt(() => call("POST", "/apis", { name: name.value.trim(), audience: audience.value.trim() }));
      if (!created) return;
      await go("apis");
      say("Registered API " + name.value.trim() + ".");
    });
    show(
      el(
        "section",
        { "aria-labelledby": "apis-title" },
        el("h2", { id: "apis-title", text: "APIs" }),
        el("table", { id: "apis" }, el("thead", {}, el("tr", {}, ["Name", "Audience", ""].map((h) => el("th", { scope: "col", text: h })))), el("tbody", {}, rows))
      ),
      form
    );
  },

  async api(api) {
    const listed = await attempt(() => call("GET", "/apis/" + encodeURIComponent(api.id) + "/scopes"));
    if (!listed) return;
    const scopeKey = el("input", { type: "text", required: true, autocomplete: "off", placeholder: "read:users" });
    const description = el("input", { type: "text", autocomplete: "off" });
    const form = el(
      "form",
      { class: "card", id: "scope-form", "aria-labelledby": "scope-form-title" },
      el("h3", { id: "scope-form-title", text: "Add scope" }),
      field("scope-key", "Scope key", scopeKey),
      field("scope-description", "Description (optional)", description),
      el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", id: "save-scope", text: "Add scope" }))
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { key: scopeKey.value.trim() };
      if (description.value.trim()) body.description = description.value.trim();
      const created = await attempt(() => call("POST", "/apis/" + encodeURIComponent(api.id) + "/scopes", body));
      if (!created) return;
      await go("api", api);
      say("Added scope " + body.key + ".");
    });
    const rows = listed.scopes.map((s) => el("tr", {}, el("td", {}, el("code", { text: s.key })), el("td", { text: s.description || "" })));
    show(
      el(
        "section",
        { "aria-labelledby": "api-title" },
        el("h2", { id: "api-title", text: "API " + api.name }),
        el("p", { class: "muted" }, "Audience ", el("code", { text: api.audience }), " · id ", el("code", { text: api.id })),
        rows.length
          ? el("table", { id: "scopes" }, el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Scope" }), el("th", { scope: "col", text: "Description" }))), el("tbody", {}, rows))
          : el("p", { class: "muted", text: "No scopes yet." }),
        el("div", { class: "actions" }, el("button", { type: "button", id: "back", text: "← APIs", onclick: () => go("apis") }))
      ),
      api.is_management_api ? "" : form
    );
  },

  async applications() {
    show(await applicationsSection((application) => go("application", application)));
  },

  async application(application) {
    show(await applicationSection(application, () => go("applications")));
  },

  async webhooks() {
    show(await webhooksSection((webhook) => go("webhook", webhook)));
  },

  async webhook(webhook) {
    show(await webhookSection(webhook, () => go("webhooks")));
  },

  async portalLinks(owner) {
    show(await portalLinksSection(owner));
  },

  async audit() {
    show(await auditSection());
  },
};

function ownersTable(owners, what) {
  if (owners.length === 0) return el("p", { class: "muted", text: "No " + what + " yet." });
  return el(
    "table",
    { id: what },
    el("thead", {}, el("tr", {}, ["Name", what === "users" ? "Id" : "Code", what === "users" ? "Email" : "", "Created"].map((h) => el("th", { scope: "col", text: h })))),
    el(
      "tbody",
      {},
      owners.map((o) =>
        el(
          "tr",
          { "data-owner-id": o.id },
          el("td", {}, el("button", { type: "button", class: "open-owner", "aria-label": "Open " + o.name + " (" + o.id + ")", text: o.name, onclick: () => go("owner", o) })),
          el("td", {}, el("code", { text: o.id })),
          el("td", { text: o.email || "" }),
          el("td", { text: when(o.created) })
        )
      )
    )
  );
}

async function go(name, argument) {
  clearMessages();
  for (const button of nav.querySelectorAll("button")) button.removeAttribute("aria-current");
  const section = { organizations: "nav-organizations", owner: argument && argument.type === "user" ? "nav-users" : "nav-organizations", users: "nav-users", apis: "nav-apis", api: "nav-apis", applications: "nav-applications", application: "nav-applications", webhooks: "nav-webhooks", webhook: "nav-webhooks", portalLinks: "nav-portal-links", audit: "nav-audit" }[name];
  const current = document.getElementById(section);
  if (current) current.setAttribute("aria-current", "page");
  await consoleViews[name](argument);
  view.focus();
}

function signInForm(message) {
  const input = el("input", { type: "password", autocomplete: "off", spellcheck: "false", required: true });
  const form = el(
    "form",
    { class: "card", id: "signin", "aria-labelledby": "signin-title" },
    el("h2", { id: "signin-title", text: "Sign in" }),
    el("p", { text: "Sign in with a Keygate management key. It stays in this browser tab only, and is forgotten when the tab closes." }),
    field("management-key", "Management key", input),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", id: "sign-in", text: "Sign in" }))
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return showError("Paste your management key to sign in.");
    session.keep(token);
    input.value = "";
    await signedIn();
  });
  show(form);
  if (message) showError(message);
  input.focus();
}

async function signedIn() {
  nav.hidden = false;
  await go("organizations");
}

function signedOut(message) {
  nav.hidden = true;
  signInForm(message);
}

whenRefused((failure) => signedOut("Your management key was refused (" + failure.message + "). Sign in again."));

document.getElementById("sign-out").addEventListener("click", () => {
  session.forget();
  clearMessages();
  signedOut();
  say("Signed out.");
});
document.getElementById("nav-organizations").addEventListener("click", () => go("organizations"));
document.getElementById("nav-users").addEventListener("click", () => go("users"));
document.getElementById("nav-apis").addEventListener("click", () => go("apis"));
document.getElementById("nav-applications").addEventListener("click", () => go("applications"));
document.getElementById("nav-webhooks").addEventListener("click", () => go("webhooks"));
document.getElementById("nav-portal-links").addEventListener("click", () => go("portalLinks"));
document.getElementById("nav-audit").addEventListener("click", () => go("audit"));
if (session.key()) signedIn();
else signInForm();
