/**
 * An accessible confirmation on the native modal `<dialog>`: the page behind
 * is inert, Tab and Shift+Tab stay among the dialog's buttons, focus starts
 * on "cancel" and goes back to where it was when the dialog closes, Escape
 * (or a click beside it) cancels.
 */
import { h, render } from "preact";

/** What the dialog says and its two buttons' labels. */
export interface Confirmation {
  title: string;
  /** What confirming does, one paragraph each. */
  text: readonly string[];
  confirm: string;
  cancel: string;
}

/** Asks `c`; resolves true when confirmed, false when cancelled in any way. */
export function confirmDialog(c: Confirmation): Promise<boolean> {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const dialog = document.createElement("dialog");
  dialog.className = "dialog confirm-dialog";
  dialog.setAttribute("aria-labelledby", "confirm-title");
  dialog.setAttribute("aria-describedby", "confirm-text");
  let confirmed = false;
  const close = (answer: boolean) => {
    confirmed = answer;
    if (dialog.open) dialog.close();
  };
  render(
    [
      h("h2", { id: "confirm-title" }, c.title),
      h(
        "div",
        { id: "confirm-text" },
        c.text.map((p, i) => h("p", { key: i }, p)),
      ),
      h(
        "div",
        { className: "dialog-actions" },
        h("button", { type: "button", "data-confirm": "cancel", onClick: () => close(false) }, c.cancel),
        h(
          "button",
          { type: "button", className: "danger", "data-confirm": "ok", onClick: () => close(true) },
          c.confirm,
        ),
      ),
    ],
    dialog,
  );
  document.body.append(dialog);
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) close(false);
  });
  dialog.addEventListener("keydown", (e) => {
    if (e.key !== "Tab") return;
    const buttons = [...dialog.querySelectorAll<HTMLElement>("button")];
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
  const answer = new Promise<boolean>((resolve) =>
    dialog.addEventListener("close", () => {
      render(null, dialog);
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(confirmed);
    }),
  );
  dialog.showModal();
  dialog.querySelector<HTMLElement>('[data-confirm="cancel"]')?.focus();
  return answer;
}
