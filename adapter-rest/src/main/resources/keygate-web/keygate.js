// Keygate's web console (/console) and self-service portal (/portal). Both only call the
// management API under /api/v1 with the key the person signed in with, kept in sessionStorage
// (never in a URL, never in a cookie). No framework and no build step: plain DOM.
"use strict";

(function () {
  const API = "/api/v1";
  const mode = document.body.dataset.mode;
  const storageKey = "keygate." + mode + ".key";
  const view = document.getElementById("view");
  const errorBox = document.getElementById("error");
  const notice = document.getElementById("notice");
  const nav = document.getElementById("nav");

  // ---- small DOM helpers: text goes in as text, never as HTML ----

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name.startsWith("on")) node.addEventListener(name.substring(2), value);
      else if (name === "text") node.textContent = value;
      else if (value === true) node.setAttribute(name, "");
      else node.setAttribute(name, value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function field(id, labelText, input) {
    input.id = id;
    return el("div", { class: "field" }, el("label", { for: id, text: labelText }), input);
  }

  function show(...nodes) {
    view.replaceChildren(...nodes);
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  function clearMessages() {
    errorBox.hidden = true;
    errorBox.textContent = "";
    notice.textContent = "";
  }

  function say(message) {
    notice.textContent = message;
  }

  function when(timestamp) {
    return timestamp ? timestamp.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : "never";
  }

  // ---- the management API ----

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  function key() {
    return sessionStorage.getItem(storageKey);
  }

  async function call(method, path, body) {
    const headers = { Authorization: "Bearer " + key(), Accept: "application/json" };
    const init = { method, headers, cache: "no-store", credentials: "omit" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(API + path, init);
    } catch (unreachable) {
      throw new ApiError(0, "Keygate cannot be reached: " + unreachable.message);
    }
    let json = {};
    try {
      json = await response.json();
    } catch (notJson) {
      json = {};
    }
    if (!response.ok) {
      const message =
        json.errors && json.errors[0] && json.errors[0].message
          ? json.errors[0].message
          : "Keygate answered " + response.status;
      throw new ApiError(response.status, message);
    }
    return json;
  }

  // Runs an action, showing the API's own words when it fails; a 401 ends the session.
  async function attempt(action) {
    clearMessages();
    try {
      return await action();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) {
        sessionStorage.removeItem(storageKey);
        signedOut(
          mode === "portal"
            ? "This portal link has expired or is no longer valid. Ask for a new link."
            : "Your management key was refused (" + failure.message + "). Sign in again."
        );
      } else {
        showError(failure.message);
      }
      return undefined;
    }
  }

  function query(params) {
    const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== "");
    return pairs.length === 0
      ? ""
      : "?" + pairs.map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");
  }

  // ---- dialogs: keyboard friendly (Escape cancels, focus stays inside) ----

  function ask(title, explanation, confirmText, extra, danger) {
    return new Promise((resolve) => {
      const dialog = el("dialog", { "aria-labelledby": "dialog-title", id: "confirm-dialog" });
      const confirm = el("button", {
        type: "button",
        id: "confirm-yes",
        class: danger ? "danger primary" : "primary",
        text: confirmText,
      });
      const cancel = el("button", { type: "button", id: "confirm-no", text: "Cancel" });
      dialog.append(
        el("h2", { id: "dialog-title", text: title }),
        el("p", { text: explanation }),
        extra || "",
        el("div", { class: "actions" }, confirm, cancel)
      );
      function close(answer) {
        dialog.close();
        dialog.remove();
        resolve(answer);
      }
      confirm.addEventListener("click", () => close(true));
      cancel.addEventListener("click", () => close(false));
      dialog.addEventListener("cancel", (event) => {
        event.preventDefault();
        close(false);
      });
      document.body.append(dialog);
      dialog.showModal();
      (extra && extra.querySelector("select, input")) ? extra.querySelector("select, input").focus() : cancel.focus();
    });
  }

  // ---- the key shown once ----

  function issuedKeyPanel(title, token, onDone) {
    const value = el("code", { id: "issued-key-value", text: token });
    const copied = el("span", { id: "copy-result", role: "status", class: "muted" });
    const copy = el("button", {
      type: "button",
      id: "copy-key",
      class: "primary",
      text: "Copy key",
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(token);
          copied.textContent = "Copied to the clipboard.";
        } catch (denied) {
          const range = document.createRange();
          range.selectNodeContents(value);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          copied.textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
        }
      },
    });
    const done = el("button", { type: "button", id: "issued-done", text: "Done", onclick: onDone });
    const panel = el(
      "section",
      { class: "issued", id: "issued-key", "aria-labelledby": "issued-title" },
      el("h2", { id: "issued-title", text: title }),
      el("p", { class: "warning", text: "Copy this key now: you won't see it again. Keygate keeps only its hash." }),
      value,
      el("div", { class: "actions" }, copy, done, copied)
    );
    return panel;
  }

  // ---- API keys of one owner: list with filter, add, rotate, disable/enable, revoke ----

  function ownerQuery(owner) {
    return owner.type === "organization" ? { org_code: owner.id } : { user_id: owner.id };
  }

  async function keysSection(owner, options) {
    const section = el("section", { "aria-labelledby": "keys-title", id: "keys-section" });
    const status = el(
      "select",
      {},
      el("option", { value: "", text: "All" }),
      el("option", { value: "active", text: "Active" }),
      el("option", { value: "inactive", text: "Disabled" }),
      el("option", { value: "revoked", text: "Revoked" })
    );
    const addButton = el("button", { type: "button", id: "add-key", class: "primary", text: "Add API key" });
    const formSlot = el("div", { id: "key-form-slot" });
    const table = el("div", { id: "keys-table" });
    section.append(
      el("h2", { id: "keys-title", text: "API keys" }),
      el("div", { class: "toolbar" }, field("status-filter", "Status", status), addButton),
      formSlot,
      table
    );

    async function refresh() {
      table.setAttribute("aria-busy", "true");
      try {
        await load();
      } finally {
        table.removeAttribute("aria-busy");
      }
    }

    async function load() {
      const listed = await attempt(() =>
        call("GET", "/api_keys" + query({ ...ownerQuery(owner), status: status.value, page_size: 500 }))
      );
      if (!listed) return;
      const keys = listed.api_keys.filter((k) => !options.hide || !options.hide(k));
      if (keys.length === 0) {
        table.replaceChildren(el("p", { class: "muted", id: "no-keys", text: "No API keys" + (status.value ? " with this status." : " yet.") }));
        return;
      }
      const rows = keys.map((k) => keyRow(k));
      table.replaceChildren(
        el(
          "table",
          { id: "keys" },
          el("caption", { class: "muted", text: keys.length + (listed.has_more ? "+" : "") + " key(s)" }),
          el("thead", {}, el("tr", {}, ["Name", "Status", "Key", "Scopes", "Created", "Last used", "Actions"].map((h) => el("th", { scope: "col", text: h })))),
          el("tbody", {}, rows)
        )
      );
    }

    function keyRow(k) {
      const actions = el("div", { class: "actions" });
      if (k.status !== "revoked") {
        actions.append(
          el("button", { type: "button", class: "rotate", "aria-label": "Rotate " + k.name, text: "Rotate", onclick: () => rotate(k) }),
          k.status === "active"
            ? el("button", { type: "button", class: "disable", "aria-label": "Disable " + k.name, text: "Disable", onclick: () => setStatus(k, "inactive") })
            : el("button", { type: "button", class: "enable", "aria-label": "Enable " + k.name, text: "Enable", onclick: () => setStatus(k, "active") }),
          el("button", { type: "button", class: "revoke danger", "aria-label": "Revoke " + k.name, text: "Revoke", onclick: () => revoke(k) })
        );
      }
      return el(
        "tr",
        { "data-key-id": k.id },
        el("td", { class: "key-name", text: k.name }),
        el("td", {}, el("span", { class: "status status-" + k.status, text: k.status === "inactive" ? "disabled" : k.status })),
        el("td", {}, el("code", { text: k.key_prefix + "…" + k.key_suffix })),
        el("td", { text: (k.scopes || []).join(", ") || "none" }),
        el("td", { text: when(k.created_on) }),
        el("td", { text: when(k.last_verified_on) }),
        el("td", {}, actions)
      );
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
        const created = await attempt(() => call("POST", "/api_keys", body));
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

    status.addEventListener("change", refresh);
    addButton.addEventListener("click", openForm);
    await refresh();
    return section;
  }

  // ---- what an owner may hold: the operator's grants ----

  function grantsPath(owner) {
    return (owner.type === "organization" ? "/organizations/" : "/users/") + encodeURIComponent(owner.id) + "/grants";
  }

  // The owner's grants as a map from API id to the set of scope keys granted.
  async function grantsOf(owner) {
    const listed = await attempt(() => call("GET", grantsPath(owner)));
    if (!listed) return null;
    return new Map(listed.grants.map((grant) => [grant.api_id, new Set(grant.scopes.map((scope) => scope.key))]));
  }

  async function grantsSection(owner) {
    const section = el("section", { "aria-labelledby": "grants-title", id: "grants-section" });

    async function load() {
      const apis = await attempt(() => call("GET", "/apis?expand=scopes"));
      const granted = apis && (await grantsOf(owner));
      if (!apis || !granted) return;
      const rows = apis.apis.filter((api) => !api.is_management_api).map((api) => grantRow(api, granted.get(api.id)));
      section.replaceChildren(
        el("h2", { id: "grants-title", text: "What " + owner.name + " may hold" }),
        el("p", { class: "muted", text: "The APIs and scopes its own management keys and portal links may put on its keys. Keys you make here are not held to this." }),
        rows.length
          ? el(
              "table",
              { id: "grants" },
              el("thead", {}, el("tr", {}, ["API", "Granted", "Scopes", "Actions"].map((h) => el("th", { scope: "col", text: h })))),
              el("tbody", {}, rows)
            )
          : el("p", { class: "muted", text: "No APIs registered yet." })
      );
    }

    function grantRow(api, held) {
      const boxes = (api.scopes || []).map((scope, i) => {
        const id = "grant-" + api.id + "-" + i;
        return el("label", { for: id }, el("input", { type: "checkbox", value: scope.key, id, checked: !!(held && held.has(scope.key)) }), scope.key);
      });
      const row = el("tr", { "data-api-id": api.id });
      const save = el("button", {
        type: "button",
        class: "save-grant",
        "aria-label": (held ? "Update grant of " : "Grant ") + api.name,
        text: held ? "Update" : "Grant",
        onclick: async () => {
          const scopeIds = Array.from(row.querySelectorAll("input:checked")).map((box) => box.value);
          const answer = await attempt(() => call("PUT", grantsPath(owner) + "/" + encodeURIComponent(api.id), { scope_ids: scopeIds }));
          if (!answer) return;
          await load();
          say("Granted " + api.name + (scopeIds.length ? " with " + scopeIds.join(", ") : " with no scope") + ".");
        },
      });
      const remove = held
        ? el("button", {
            type: "button",
            class: "remove-grant danger",
            "aria-label": "Remove grant of " + api.name,
            text: "Remove",
            onclick: async () => {
              const answer = await attempt(() => call("DELETE", grantsPath(owner) + "/" + encodeURIComponent(api.id)));
              if (!answer) return;
              await load();
              say("Removed " + api.name + " from what " + owner.name + " may hold; its keys keep their scopes.");
            },
          })
        : "";
      row.append(
        el("td", { text: api.name }),
        el("td", { class: "grant-state", text: held ? "granted" : "not granted" }),
        el("td", {}, boxes.length ? el("div", { class: "scope-boxes" }, boxes) : el("span", { class: "muted", text: "no scopes" })),
        el("td", {}, el("div", { class: "actions" }, save, remove))
      );
      return row;
    }

    await load();
    return section;
  }

  // ---- the console ----

  const consoleViews = {
    async organizations() {
      const listed = await attempt(() => call("GET", "/organizations?page_size=500"));
      if (!listed) return;
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
          ownersTable(listed.organizations.map((o) => ({ type: "organization", id: o.code, name: o.name, created: o.created_on })), "organizations")
        ),
        form
      );
    },

    async users() {
      const listed = await attempt(() => call("GET", "/users?page_size=500"));
      if (!listed) return;
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
          ownersTable(listed.users.map((u) => ({ type: "user", id: u.id, name: u.name, email: u.email, created: u.created_on })), "users")
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
        el("div", { class: "actions" }, back)
      );
      const keys = await keysSection(owner, {});
      const grants = await grantsSection(owner);
      show(heading, keys, grants);
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
    const section = { organizations: "nav-organizations", owner: argument && argument.type === "user" ? "nav-users" : "nav-organizations", users: "nav-users", apis: "nav-apis", api: "nav-apis" }[name];
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
      sessionStorage.setItem(storageKey, token);
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

  // ---- the portal ----

  async function portal() {
    if (location.hash.length > 1) {
      sessionStorage.setItem(storageKey, decodeURIComponent(location.hash.substring(1)));
      history.replaceState(null, "", location.pathname + location.search);
    }
    if (!key()) {
      signedOut("Open this page from the portal link you were given.");
      return;
    }
    const me = await attempt(() => call("POST", "/api_keys/verify", { api_key: key() }));
    if (!me) return;
    if (!me.is_valid) {
      sessionStorage.removeItem(storageKey);
      signedOut("This portal link has expired or is no longer valid. Ask for a new link.");
      return;
    }
    const owner = me.org_code ? { type: "organization", id: me.org_code } : { type: "user", id: me.user_id };
    const session = await attempt(() => call("GET", "/api_keys/" + encodeURIComponent(me.key_id)));
    if (!session) return;
    const managementApis = new Set(
      ((await attempt(() => call("GET", "/apis"))) || { apis: [] }).apis.filter((api) => api.is_management_api).map((api) => api.id)
    );
    const isManagement = (k) => (k.api_ids || []).some((id) => managementApis.has(id));
    nav.hidden = false;
    const intro = el(
      "section",
      { "aria-labelledby": "owner-title" },
      el("h2", { id: "owner-title" }, owner.type === "organization" ? "Organization " : "User ", el("code", { text: owner.id })),
      el("p", { class: "muted", id: "session-ends", text: "This session ends at " + when(session.api_key.expires_on) + "." })
    );
    const mayReadGrants = (session.api_key.scopes || []).includes("read:grants");
    const keys = await keysSection(owner, {
      hide: isManagement,
      hideApi: (api) => api.is_management_api,
      grants: mayReadGrants ? () => grantsOf(owner) : null,
    });
    show(intro, keys);
  }

  // ---- both ----

  function signedOut(message) {
    nav.hidden = true;
    if (mode === "portal") {
      show(el("section", { id: "signed-out" }, el("h2", { text: "Portal closed" }), el("p", { text: "Ask the company that gave you access for a new portal link." })));
      if (message) showError(message);
    } else {
      signInForm(message);
    }
  }

  document.getElementById("sign-out").addEventListener("click", () => {
    sessionStorage.removeItem(storageKey);
    clearMessages();
    signedOut();
    say("Signed out.");
  });

  if (mode === "console") {
    document.getElementById("nav-organizations").addEventListener("click", () => go("organizations"));
    document.getElementById("nav-users").addEventListener("click", () => go("users"));
    document.getElementById("nav-apis").addEventListener("click", () => go("apis"));
    if (key()) signedIn();
    else signInForm();
  } else {
    // A new link pasted into a tab already on the portal changes only the fragment: start over.
    window.addEventListener("hashchange", () => {
      if (location.hash.length > 1) location.reload();
    });
    portal();
  }
})();
