// M2M applications in the console: the list with add, rename, rotate secret and delete, and one
// application's authorizations, the APIs it may ask tokens for and the scopes it gets there.
// A client secret is shown once, in the panel that shows a new key, and kept nowhere else.

import { attempt, call } from "./api.js";
import { ask, issuedKeyPanel } from "./dialogs.js";
import { el, field, say, showError, when, whileBusy } from "./dom.js";

function applicationPath(application) {
  return "/applications/" + encodeURIComponent(application.id);
}

// The section listing the applications; open(application) shows one of them.
export async function applicationsSection(open) {
  const section = el("section", { "aria-labelledby": "applications-title", id: "applications-section" });
  const addButton = el("button", { type: "button", id: "add-application", class: "primary", text: "Add application" });
  const formSlot = el("div", { id: "application-form-slot" });
  const table = el("div", { id: "applications-table" });
  section.append(
    el("h2", { id: "applications-title", text: "Applications" }),
    el("p", { class: "muted", text: "Machine-to-machine applications trade their client id and secret for access tokens at /oauth2/token." }),
    el("div", { class: "toolbar" }, addButton),
    formSlot,
    table
  );

  async function refresh() {
    await whileBusy(table, load);
  }

  async function load() {
    const listed = await attempt(() => call("GET", "/applications"));
    if (!listed) return;
    if (listed.applications.length === 0) {
      table.replaceChildren(el("p", { class: "muted", id: "no-applications", text: "No applications yet." }));
      return;
    }
    table.replaceChildren(
      el(
        "table",
        { id: "applications" },
        el("thead", {}, el("tr", {}, ["Name", "Client id", "Organization", "Created", "Actions"].map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", {}, listed.applications.map((a) => applicationRow(a)))
      )
    );
  }

  function applicationRow(a) {
    return el(
      "tr",
      { "data-application-id": a.id },
      el("td", {}, el("button", { type: "button", class: "open-application application-name", "aria-label": "Open application " + a.name, text: a.name, onclick: () => open(a) })),
      el("td", {}, el("code", { text: a.id })),
      el("td", { text: a.org_code || "the whole deployment" }),
      el("td", { text: when(a.created_on) }),
      el(
        "td",
        {},
        el(
          "div",
          { class: "actions" },
          el("button", { type: "button", class: "rename-application", "aria-label": "Rename " + a.name, text: "Rename", onclick: () => rename(a) }),
          el("button", { type: "button", class: "rotate-secret", "aria-label": "Rotate the secret of " + a.name, text: "Rotate secret", onclick: () => rotate(a) }),
          el("button", { type: "button", class: "delete-application danger", "aria-label": "Delete " + a.name, text: "Delete", onclick: () => remove(a) })
        )
      )
    );
  }

  function showSecret(title, secret) {
    formSlot.replaceChildren(
      issuedKeyPanel(
        title,
        secret,
        () => {
          formSlot.replaceChildren();
          addButton.focus();
        },
        "client secret"
      )
    );
    formSlot.querySelector("#copy-key").focus();
  }

  async function rename(a) {
    const name = el("input", { type: "text", required: true, maxlength: "128", autocomplete: "off", value: a.name });
    const ok = await ask("Rename " + a.name + "?", "Its client id and secret stay the same.", "Rename", field("rename-application", "New name", name), false);
    if (!ok) return;
    const newName = name.value.trim();
    if (!newName) return showError("Give the application a name.");
    const answer = await attempt(() => call("PATCH", applicationPath(a), { name: newName }));
    if (!answer) return;
    await refresh();
    say("Renamed " + a.name + " to " + newName + ".");
  }

  async function rotate(a) {
    const ok = await ask(
      "Rotate the secret of " + a.name + "?",
      "A new client secret is made and shown once. The current secret, and every token issued under it, stop working at once.",
      "Rotate secret",
      null,
      true
    );
    if (!ok) return;
    const answer = await attempt(() => call("POST", applicationPath(a) + "/rotate_secret"));
    if (!answer) return;
    showSecret("New client secret for " + a.name, answer.application.client_secret);
    await refresh();
  }

  async function remove(a) {
    const ok = await ask(
      "Delete " + a.name + "?",
      "Its tokens stop working at once and it can never get another. This cannot be undone.",
      "Delete application",
      null,
      true
    );
    if (!ok) return;
    const answer = await attempt(() => call("DELETE", applicationPath(a)));
    if (!answer) return;
    formSlot.replaceChildren();
    await refresh();
    say("Deleted " + a.name + ".");
  }

  function openForm() {
    const name = el("input", { type: "text", required: true, maxlength: "128", autocomplete: "off" });
    const org = el("input", { type: "text", autocomplete: "off", placeholder: "empty: for the whole deployment" });
    const form = el(
      "form",
      { class: "card", id: "application-form", "aria-labelledby": "application-form-title", novalidate: true },
      el("h3", { id: "application-form-title", text: "Add application" }),
      field("application-name", "Name", name),
      field("application-org", "Organization code (optional)", org),
      el(
        "div",
        { class: "actions" },
        el("button", { type: "submit", id: "save-application", class: "primary", text: "Save" }),
        el("button", { type: "button", id: "cancel-application", text: "Cancel", onclick: () => { formSlot.replaceChildren(); addButton.focus(); } })
      )
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = { name: name.value.trim(), type: "m2m" };
      if (!body.name) return showError("Give the application a name.");
      if (org.value.trim()) body.org_code = org.value.trim();
      const created = await attempt(() => call("POST", "/applications", body));
      if (!created) return;
      showSecret("Application " + body.name + " created", created.application.client_secret);
      await refresh();
    });
    formSlot.replaceChildren(form);
    name.focus();
  }

  addButton.addEventListener("click", openForm);
  await refresh();
  return section;
}

// One application: who it is, and the APIs it may ask tokens for with the scopes it gets there.
export async function applicationSection(application, back) {
  const section = el("section", { "aria-labelledby": "application-title", id: "application-section" });

  async function load() {
    const apis = await attempt(() => call("GET", "/apis?expand=scopes"));
    const read = apis && (await attempt(() => call("GET", applicationPath(application))));
    if (!apis || !read) return;
    const app = read.application;
    const authorized = new Map((app.apis || []).map((api) => [api.id, new Set(api.scopes.map((scope) => scope.key))]));
    const rows = apis.apis.map((api) => authorizationRow(app, api, authorized.get(api.id)));
    section.replaceChildren(
      el("h2", { id: "application-title", text: "Application " + app.name }),
      el(
        "p",
        { class: "muted" },
        "Client id ",
        el("code", { text: app.client_id }),
        " · " + (app.org_code ? "organization " + app.org_code : "for the whole deployment") + " · created " + when(app.created_on)
      ),
      el("h3", { text: "APIs it may ask tokens for" }),
      el("p", { class: "muted", text: "Authorize it for an API, then tick the scopes its tokens carry there. Withdrawing an API takes its scopes too." }),
      rows.length
        ? el(
            "table",
            { id: "application-apis" },
            el("thead", {}, el("tr", {}, ["API", "Authorized", "Scopes", "Actions"].map((h) => el("th", { scope: "col", text: h })))),
            el("tbody", {}, rows)
          )
        : el("p", { class: "muted", text: "No APIs registered yet." }),
      el("div", { class: "actions" }, el("button", { type: "button", id: "back", text: "← Applications", onclick: back }))
    );
  }

  function authorizationRow(app, api, held) {
    const boxes = (api.scopes || []).map((scope, i) => {
      const id = "authorize-" + api.id + "-" + i;
      return el("label", { for: id }, el("input", { type: "checkbox", value: scope.key, "data-scope-id": scope.id, id, checked: !!(held && held.has(scope.key)) }), scope.key);
    });
    const row = el("tr", { "data-api-id": api.id });
    const apiPath = "/apis/" + encodeURIComponent(api.id) + "/applications";
    const save = el("button", {
      type: "button",
      class: "save-authorization",
      "aria-label": (held ? "Update scopes on " : "Authorize for ") + api.name,
      text: held ? "Update" : "Authorize",
      onclick: async () => {
        const ticked = Array.from(row.querySelectorAll("input[type='checkbox']"));
        const done = await attempt(async () => {
          if (!held) await call("PATCH", apiPath, { applications: [{ id: app.id }] });
          for (const box of ticked) {
            const had = !!(held && held.has(box.value));
            if (box.checked === had) continue;
            const path = apiPath + "/" + encodeURIComponent(app.id) + "/scopes/" + encodeURIComponent(box.dataset.scopeId);
            await call(box.checked ? "POST" : "DELETE", path);
          }
          return true;
        });
        // Part of it may have happened before a refusal: show what holds now, and keep the error.
        if (!done) return reloadKeepingError();
        await load();
        const keys = ticked.filter((box) => box.checked).map((box) => box.value);
        say("Authorized " + app.name + " for " + api.name + (keys.length ? " with " + keys.join(", ") : " with no scope") + ".");
      },
    });
    const withdraw = held
      ? el("button", {
          type: "button",
          class: "withdraw-authorization danger",
          "aria-label": "Withdraw " + api.name,
          text: "Withdraw",
          onclick: async () => {
            const answer = await attempt(() => call("PATCH", apiPath, { applications: [{ id: app.id, operation: "delete" }] }));
            if (!answer) return;
            await load();
            say("Withdrew " + api.name + " from " + app.name + ".");
          },
        })
      : "";
    row.append(
      el("td", { text: api.name }),
      el("td", { class: "authorization-state", text: held ? "authorized" : "not authorized" }),
      el("td", {}, boxes.length ? el("div", { class: "scope-boxes" }, boxes) : el("span", { class: "muted", text: "no scopes" })),
      el("td", {}, el("div", { class: "actions" }, save, withdraw))
    );
    return row;
  }

  async function reloadKeepingError() {
    const error = document.getElementById("error");
    const message = error.hidden ? "" : error.textContent;
    await load();
    if (message) showError(message);
  }

  await load();
  return section;
}
