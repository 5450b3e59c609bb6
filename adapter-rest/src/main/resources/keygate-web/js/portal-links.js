// Portal links (/api/v1/portal_links): a link that opens the self-service portal on one
// organization's or user's keys, for a time the operator chooses, shown once to be copied.

import { attempt, call } from "./api.js";
import { issuedKeyPanel } from "./dialogs.js";
import { el, field, when } from "./dom.js";

// The operator organization has the console, not a portal.
const OPERATOR = "keygate-operator";

// owner, where given ({type, id}), is chosen already, as when the link is made from its page.
export async function portalLinksSection(owner) {
  const section = el("section", { "aria-labelledby": "portal-links-title", id: "portal-links-section" });
  const kind = el(
    "select",
    {},
    el("option", { value: "organization", text: "Organization" }),
    el("option", { value: "user", text: "User" })
  );
  const who = el("select", { required: true });
  const ttl = el(
    "select",
    {},
    el("option", { value: "900", text: "15 minutes" }),
    el("option", { value: "3600", text: "1 hour" }),
    el("option", { value: "14400", text: "4 hours" }),
    el("option", { value: "86400", text: "24 hours" })
  );
  ttl.value = "3600";
  const slot = el("div", { id: "portal-link-slot" });
  const form = el(
    "form",
    { id: "portal-link-form", "aria-labelledby": "portal-links-title" },
    el("div", { class: "field-row" }, field("portal-link-kind", "For", kind), field("portal-link-owner", "Owner", who), field("portal-link-ttl", "Works for", ttl)),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", id: "make-portal-link", text: "Make portal link" }))
  );
  section.append(
    el("h2", { id: "portal-links-title", text: "Portal links" }),
    el(
      "p",
      { class: "muted" },
      "A portal link lets a customer manage their own API keys, and nothing else, until it expires. " +
        "Send it to them over a channel you trust: whoever holds the link holds their keys."
    ),
    form,
    slot
  );

  async function owners() {
    const organizations = kind.value === "organization";
    const listed = await attempt(() => call("GET", organizations ? "/organizations?page_size=500" : "/users?page_size=500"));
    if (!listed) return;
    const choices = organizations
      ? listed.organizations.filter((o) => o.code !== OPERATOR).map((o) => ({ id: o.code, name: o.name }))
      : listed.users.map((u) => ({ id: u.id, name: u.name }));
    who.replaceChildren(
      el("option", { value: "", text: choices.length ? "Choose" : "None yet" }),
      ...choices.map((o) => el("option", { value: o.id, text: o.name + " (" + o.id + ")" }))
    );
  }

  kind.addEventListener("change", owners);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!who.value) return;
    const body = { expires_in_seconds: Number(ttl.value) };
    body[kind.value === "organization" ? "org_code" : "user_id"] = who.value;
    const made = await attempt(() => call("POST", "/portal_links", body));
    if (!made) return;
    const name = who.selectedOptions[0].textContent;
    slot.replaceChildren(
      issuedKeyPanel(
        "Portal link for " + name,
        made.url,
        () => slot.replaceChildren(),
        "link",
        "It works until " + when(made.expires_on) + "; Keygate keeps only its hash."
      )
    );
    slot.querySelector("#copy-key").focus();
  });

  if (owner) kind.value = owner.type;
  await owners();
  if (owner) who.value = owner.id;
  return section;
}
