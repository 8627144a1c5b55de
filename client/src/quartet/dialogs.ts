/**
 * Modal dialogs on the native `<dialog>` element: focus moves in and back
 * out, Escape closes, the page behind is inert. The card detail view and the
 * action pick after a quartet.
 */
import { themeOf, type CardId, type ThemeId } from "@iot/shared/quartet/cardIds";
import { cardTitle, themeName } from "./deck/index.js";
import { lang, t } from "../i18n/index.js";
import { MAX_NOTE_LENGTH } from "../net/constants.js";
import { fullCard, shortCard } from "./cardView.js";
import { h } from "../ui/dom.js";

/** Opens a modal dialog with `content`; resolves when it closes. Returns a function that closes it. */
export function openDialog(
  label: string,
  content: (close: () => void) => (HTMLElement | null)[],
  className = "",
): { close: () => void; closed: Promise<void> } {
  const opener = document.activeElement as HTMLElement | null;
  const dialog = h("dialog", { className: `dialog ${className}`, "aria-label": label });
  const close = () => dialog.open && dialog.close();
  dialog.append(...content(close).filter((c): c is HTMLElement => c !== null));
  document.body.append(dialog);
  const closed = new Promise<void>((resolve) =>
    dialog.addEventListener("close", () => {
      dialog.remove();
      restoreFocus(opener);
      resolve();
    }),
  );
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) close();
  });
  dialog.showModal();
  return { close, closed };
}

/**
 * Puts focus back where the dialog was opened from; the table redraws its
 * buttons while a dialog is open, so a replaced button is found again by its
 * card or seat.
 */
function restoreFocus(opener: HTMLElement | null): void {
  if (!opener) return;
  let target: HTMLElement | null = opener.isConnected ? opener : null;
  const card = opener.dataset.card;
  if (!target && card) target = document.querySelector<HTMLElement>(`button[data-card="${CSS.escape(card)}"]`);
  target?.focus({ preventScroll: true });
}

/** Shows the whole text of `card`. */
export function showCardDetail(card: CardId, held: ReadonlySet<CardId>): void {
  openDialog(cardTitle(card, lang()), (close) => [
    fullCard(card, held),
    h(
      "div",
      { className: "dialog-actions" },
      h("button", { type: "button", className: "primary", onclick: close, autofocus: true }, t("card.close")),
    ),
  ]);
}

/**
 * Asks which card of the just-laid quartet the player's region should do
 * first, with an optional note. `onPick` is called with the choice; closing
 * without choosing leaves the pick open for later.
 */
export function showPickDialog(
  theme: ThemeId,
  chosen: CardId | "",
  onPick: (card: CardId, note: string) => void,
): void {
  const name = themeName(theme, lang());
  openDialog(
    t("pick.title", { theme: name }),
    (close) => {
      const form = h("form", { className: "pick-form", method: "dialog" });
      const cards = ([1, 2, 3, 4] as const).map((n) => `${theme}-${n}` as CardId);
      const fieldset = h(
        "fieldset",
        {},
        h("legend", {}, t("pick.intro")),
        cards.map((card, i) =>
          h(
            "label",
            { className: "pick-choice" },
            h("input", {
              type: "radio",
              name: "card",
              value: card,
              checked: chosen ? card === chosen : i === 0,
              required: true,
            }),
            h("span", { className: "pick-card" }, shortCard(card)),
          ),
        ),
      );
      const note = h("textarea", { name: "note", maxlength: MAX_NOTE_LENGTH, rows: 2 });
      form.append(
        h("h2", {}, t("pick.title", { theme: name })),
        fieldset,
        h("label", { className: "field" }, h("span", {}, t("pick.note", { max: MAX_NOTE_LENGTH })), note),
        h(
          "div",
          { className: "dialog-actions" },
          h("button", { type: "button", onclick: close }, t("pick.later")),
          h("button", { type: "submit", className: "primary" }, t("pick.submit")),
        ),
      );
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        const data = new FormData(form);
        const card = String(data.get("card") ?? "");
        if (cards.includes(card as CardId) && themeOf(card as CardId) === theme) {
          onPick(card as CardId, String(data.get("note") ?? ""));
          close();
        }
      });
      return [form];
    },
    "pick-dialog",
  );
}
