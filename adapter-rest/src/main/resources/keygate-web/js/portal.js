// The self-service portal (/portal): one owner's keys, opened from a portal link that carries a
// management key of that owner in its fragment. The entry point of portal.html.

import { attempt, call, session, whenRefused } from "./api.js";
import { clearMessages, el, say, show, showError, when } from "./dom.js";
import { grantsOf } from "./grants.js";
import { keysSection } from "./keys.js";

const nav = document.getElementById("nav");

async function portal() {
  if (location.hash.length > 1) {
    session.keep(decodeURIComponent(location.hash.substring(1)));
    history.replaceState(null, "", location.pathname + location.search);
  }
  if (!session.key()) {
    signedOut("Open this page from the portal link you were given.");
    return;
  }
  const me = await attempt(() => call("POST", "/api_keys/verify", { api_key: session.key() }));
  if (!me) return;
  if (!me.is_valid) {
    session.forget();
    signedOut("This portal link has expired or is no longer valid. Ask for a new link.");
    return;
  }
  const linkKey = await attempt(() => call("GET", "/api_keys/" + encodeURIComponent(me.key_id)));
  if (!linkKey) return;
  // Named as the customer knows themselves; the code only where the name is unknown.
  const owner = me.org_code ? { type: "organization", id: me.org_code } : { type: "user", id: me.user_id };
  owner.name = linkKey.api_key.owner_name;
  const managementApis = new Set(
    ((await attempt(() => call("GET", "/apis"))) || { apis: [] }).apis.filter((api) => api.is_management_api).map((api) => api.id)
  );
  const isManagement = (k) => (k.api_ids || []).some((id) => managementApis.has(id));
  nav.hidden = false;
  const intro = el(
    "section",
    { "aria-labelledby": "owner-title" },
    el("h2", { id: "owner-title" }, owner.name || el("code", { text: owner.id })),
    el("p", { class: "muted", id: "owner-code" }, owner.type === "organization" ? "Organization " : "User ", el("code", { text: owner.id })),
    el("p", { class: "muted", id: "session-ends", text: "This session ends at " + when(linkKey.api_key.expires_on) + "." })
  );
  const mayReadGrants = (linkKey.api_key.scopes || []).includes("read:grants");
  const keys = await keysSection(owner, {
    hide: isManagement,
    hideApi: (api) => api.is_management_api,
    grants: mayReadGrants ? () => grantsOf(owner) : null,
    policyNote:
      "You may tighten these: lower a limit, lower the credits, narrow the addresses. Only the company that gave you access can loosen them.",
  });
  show(intro, keys);
}

function signedOut(message) {
  nav.hidden = true;
  show(el("section", { id: "signed-out" }, el("h2", { text: "Portal closed" }), el("p", { text: "Ask the company that gave you access for a new portal link." })));
  if (message) showError(message);
}

whenRefused(() => signedOut("This portal link has expired or is no longer valid. Ask for a new link."));

document.getElementById("sign-out").addEventListener("click", () => {
  session.forget();
  clearMessages();
  signedOut();
  say("Signed out.");
});
// A new link pasted into a tab already on the portal changes only the fragment: start over.
window.addEventListener("hashchange", () => {
  if (location.hash.length > 1) location.reload();
});
portal();
