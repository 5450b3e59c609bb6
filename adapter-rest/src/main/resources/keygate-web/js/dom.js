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

// A short time for a dense table, "2026-12-03 13:09"; the full one is its title.
export function shortWhen(timestamp) {
  if (!timestamp) return el("span", { text: "never" });
  return el("time", { datetime: timestamp, title: when(timestamp), text: timestamp.substring(0, 16).replace("T", " ") });
}

// A cell that, in a table stacked on a narrow screen, shows its column's name beside its value.
export function cell(label, attributes, ...children) {
  return el("td", { ...attributes, "data-label": label }, ...children);
}

// Keyset paging, as the API pages its lists (page_size and starting_after): "Previous" and "Next"
// buttons under ids prefix-previous and prefix-next. load(after) shows the page after the item id
// after (the first page when undefined) and answers { last, hasMore }, or nothing when it failed.
export function pager(prefix, load) {
  const before = []; // where each page shown before this one started
  let start;
  let end;
  const previous = el("button", { type: "button", id: prefix + "-previous", class: "small", text: "← Previous" });
  const next = el("button", { type: "button", id: prefix + "-next", class: "small", text: "Next →" });
  const where = el("span", { class: "muted", id: prefix + "-page" });
  const node = el("div", { class: "pager", hidden: true }, previous, where, next);

  async function open(after) {
    const shown = await load(after);
    if (!shown) return false;
    start = after;
    end = shown.last;
    previous.disabled = before.length === 0;
    next.disabled = !shown.hasMore;
    where.textContent = "Page " + (before.length + 1);
    node.hidden = before.length === 0 && !shown.hasMore;
    return true;
  }

  previous.addEventListener("click", async () => {
    if (before.length === 0) return;
    const after = before.pop();
    if (!(await open(after))) before.push(after);
  });
  next.addEventListener("click", async () => {
    before.push(start);
    if (!(await open(end))) before.pop();
  });
  return {
    node,
    // Back to the first page, as when a filter changes.
    first: () => {
      before.length = 0;
      return open(undefined);
    },
    // The page shown, read again.
    again: () => open(start),
  };
}
