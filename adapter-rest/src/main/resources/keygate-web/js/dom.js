// Small DOM helpers shared by the console and the portal: text goes in as text, never as HTML.
// No framework and no build step: plain DOM, in modules the browser loads as they are.

const view = document.getElementById("view");
const errorBox = document.getElementById("error");
const notice = document.getElementById("notice");

export function el(tag, attributes, ...children) {
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

export function field(id, labelText, input) {
  input.id = id;
  return el("div", { class: "field" }, el("label", { for: id, text: labelText }), input);
}

export function show(...nodes) {
  view.replaceChildren(...nodes);
}

export function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

export function clearMessages() {
  errorBox.hidden = true;
  errorBox.textContent = "";
  notice.textContent = "";
}

// What the error box says now; empty when it shows nothing.
export function shownError() {
  return errorBox.hidden ? "" : errorBox.textContent;
}

export function say(message) {
  notice.textContent = message;
}

export function when(timestamp) {
  return timestamp ? timestamp.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC") : "never";
}

// Marks node busy for assistive technology while work runs, and answers what work answered.
export async function whileBusy(node, work) {
  node.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    node.removeAttribute("aria-busy");
  }
}
