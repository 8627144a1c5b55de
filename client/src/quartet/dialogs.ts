/**
 * Modal dialogs on the native `<dialog>` element: focus moves in and, when
 * it closes, back to where it was (the table's buttons stay the same
 * elements while it draws, so that is still there), Escape closes, the page
 * behind is inert. The card detail view and the action pick after a quartet.
 */
import { h, render, type ComponentChildren } from "preact";
import { themeOf, type CardId, type ThemeId } from "@iot/shared/quartet/cardIds";
import { cardTitle, themeName } from "./deck/index.js";
import { lang, t } from "../i18n/index.js";
import { MAX_NOTE_LENGTH } from "../net/constants.js";
import { fullCard, shortCard } from "./cardView.js";
import { isolate, withNames } from "../ui/names.js";

/** A quartet the player may still pick from; `from` names who laid it when that was not the player (a bot's seat). */
export interface OpenPick {
  theme: ThemeId;
  from: string | null;
}

/** The label of the button that opens the pick of `open`. */
export function openPickLabel(open: OpenPick): string {
  const theme = themeName(open.theme, lang());
  return open.from === null ? t("pick.choose", { theme }) : t("pick.chooseFrom", { theme, name: isolate(open.from) });
}

/** Opens a modal dialog with `content`; resolves when it closes. Returns a function that closes it. */
export function openDialog(
  label: string,
  content: (close: () => void) => ComponentChildren,
  className = "",
): { close: () => void; closed: Promise<void> } {
  const dialog = document.createElement("dialog");
  dialog.className = `dialog ${className}`;
  dialog.setAttribute("aria-label", label);
  const close = () => dialog.open && dialog.close();
  render(content(close), dialog);
  document.body.append(dialog);
  const closed = new Promise<void>((resolve) =>
    dialog.addEventListener("close", () => {
      render(null, dialog);
      dialog.remove();
      resolve();
    }),
  );
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) close();
  });
  dialog.showModal();
  return { close, closed };
}

/** Shows the whole text of `card`. */
export function showCardDetail(card: CardId, held: ReadonlySet<CardId>): void {
  openDialog(cardTitle(card, lang()), (close) => [
    fullCard(card, held),
    h(
      "div",
      { className: "dialog-actions" },
      h("button", { type: "button", className: "primary", onClick: close, autofocus: true }, t("card.close")),
    ),
  ]);
}

/**
 * Asks which card of the just-laid quartet the player's region should do
 * first, with an optional note. `onPick` is called with the choice; closing
 * without choosing ("Later kiezen") leaves the pick open for later. `from`
 * names the seat that laid it when that was a bot's, not the player's.
 */
export function showPickDialog(
  theme: ThemeId,
  chosen: CardId | "",
  onPick: (card: CardId, note: string) => void,
  from: string | null = null,
): void {
  const name = themeName(theme, lang());
  const title =
    from === null ? t("pick.title", { theme: name }) : t("pick.titleFrom", { theme: name, name: isolate(from) });
  const cards = ([1, 2, 3, 4] as const).map((n) => `${theme}-${n}` as CardId);
  openDialog(
    title,
    (close) =>
      h(
        "form",
        {
          className: "pick-form",
          method: "dialog",
          onSubmit: (e: SubmitEvent) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget as HTMLFormElement);
            const card = String(data.get("card") ?? "");
            if (cards.includes(card as CardId) && themeOf(card as CardId) === theme) {
              onPick(card as CardId, String(data.get("note") ?? ""));
              close();
            }
          },
        },
        h("h2", {}, withNames(title)),
        h(
          "fieldset",
          {},
          h("legend", {}, from === null ? t("pick.intro") : t("pick.introFrom")),
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
                "aria-label": cardTitle(card, lang()),
                "aria-describedby": `pick-card-${card}`,
              }),
              h("span", { className: "pick-card", id: `pick-card-${card}`, "aria-hidden": "true" }, shortCard(card)),
            ),
          ),
        ),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("pick.note", { max: MAX_NOTE_LENGTH })),
          h("textarea", { name: "note", maxLength: MAX_NOTE_LENGTH, rows: 2 }),
        ),
        h(
          "div",
          { className: "dialog-actions" },
          h("button", { type: "button", onClick: close }, t("pick.later")),
          h("button", { type: "submit", className: "primary" }, t("pick.submit")),
        ),
      ),
    "pick-dialog",
  );
}
