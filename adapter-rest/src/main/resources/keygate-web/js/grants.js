// What an owner may hold: the APIs and scopes the operator granted it, which its own management
// keys and portal links may put on its keys.

import { attempt, call, ownerPath } from "./api.js";
import { el, say } from "./dom.js";

function grantsPath(owner) {
  return ownerPath(owner) + "/grants";
}

// The owner's grants as a map from API id to the set of scope keys granted.
export async function grantsOf(owner) {
  const listed = await attempt(() => call("GET", grantsPath(owner)));
  if (!listed) return null;
  return new Map(listed.grants.map((grant) => [grant.api_id, new Set(grant.scopes.map((scope) => scope.key))]));
}

export async function grantsSection(owner) {
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
