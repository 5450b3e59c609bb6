// Dialogs, keyboard friendly (Escape cancels, focus stays inside), and the panel that shows a new
// key once.

import { el } from "./dom.js";

export function ask(title, explanation, confirmText, extra, danger) {
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

// The key shown once, with a button that copies it; noun names what it is ("key", "client secret"),
// kept says what Keygate keeps of it and what it is for.
export function issuedKeyPanel(title, token, onDone, noun = "key", kept = "Keygate keeps only its hash.") {
  const value = el("code", { id: "issued-key-value", text: token });
  const copied = el("span", { id: "copy-result", role: "status", class: "muted" });
  const copy = el("button", {
    type: "button",
    id: "copy-key",
    class: "primary",
    text: "Copy " + noun,
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
    el("p", { class: "warning", text: "Copy this " + noun + " now: you won't see it again. " + kept }),
    value,
    el("div", { class: "actions" }, copy, done, copied)
  );
  return panel;
}
