// The management API under /api/v1, called with the key the person signed in with.

import { clearMessages, showError } from "./dom.js";

const API = "/api/v1";
// keygate.console.key or keygate.portal.key: the console's and the portal's keys never mix.
const storageKey = "keygate." + document.body.dataset.mode + ".key";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// The key the person signed in with, kept in this tab's sessionStorage only: never in a URL,
// never in a cookie.
export const session = {
  key: () => sessionStorage.getItem(storageKey),
  keep: (token) => sessionStorage.setItem(storageKey, token),
  forget: () => sessionStorage.removeItem(storageKey),
};

// What the page does when the API refuses the key (401): the console asks for another, the portal
// closes. Each page says it once, when it starts.
let refused = (failure) => showError(failure.message);

export function whenRefused(handler) {
  refused = handler;
}

export async function call(method, path, body) {
  // Keygate's richer answers (org_code, expires_on, created_on, a user's name…): without this
  // header the API answers exactly the fields of Kinde's specification.
  const headers = {
    Authorization: "Bearer " + session.key(),
    Accept: "application/json",
    "Keygate-Extensions": "true",
  };
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
    // {errors:[{code, message}]}, or for a 404 {errors:{code, message}}, as Kinde answers.
    const error = Array.isArray(json.errors) ? json.errors[0] : json.errors;
    const message =
      error && error.message ? error.message : "Keygate answered " + response.status;
    throw new ApiError(response.status, message);
  }
  return json;
}

// Runs an action, showing the API's own words when it fails; a 401 ends the session.
export async function attempt(action) {
  clearMessages();
  try {
    return await action();
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 401) {
      session.forget();
      refused(failure);
    } else {
      showError(failure.message);
    }
    return undefined;
  }
}

// Where an owner, organization or user, is: /organizations/{code} or /users/{id}.
export function ownerPath(owner) {
  return (owner.type === "organization" ? "/organizations/" : "/users/") + encodeURIComponent(owner.id);
}

export function query(params) {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined && v !== "");
  return pairs.length === 0
    ? ""
    : "?" + pairs.map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");
}
