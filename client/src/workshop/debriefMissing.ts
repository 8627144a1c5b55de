/**
 * The debrief's holes in the action plan: per table that stopped playing,
 * the quartets nobody there picked from (`openQuartets`), each with a form to
 * choose its action together with the room (one of its four cards and a
 * note). `complete` sends it (`PUT /api/workshops/:id/tables/:tableId/picks/:theme`);
 * the screen then shows the debrief again, with the pick marked as the
 * facilitator's.
 */
import { h, type JSX } from "preact";
import type { CardId, ThemeId } from "@iot/shared/quartet/cardIds";
import type { Debrief } from "@iot/shared/workshop/debrief";
import { cardTitle, themeName } from "../quartet/deck/index.js";
import { themeBadge } from "../quartet/cardView.js";
import { lang, t } from "../i18n/index.js";
import { announce } from "../ui/announcer.js";
import { ApiFailure, facilitatorApi } from "./workshopApi.js";
import "./debriefMissing.css";

/** What the form asks of the screen: send a completed pick. `error` is the last refusal's sentence ("" when none). */
export interface MissingPickActions {
  complete(tableId: string, theme: ThemeId, card: CardId, note: string): void;
  error: string;
  busy: boolean;
}

const MAX_NOTE = 280;

function missingForm(table: number, tableId: string, theme: ThemeId, on: MissingPickActions): JSX.Element {
  const cards = ([1, 2, 3, 4] as const).map((n) => `${theme}-${n}` as CardId);
  const label = t("ws.dbMissingOne", { number: table, theme: themeName(theme, lang()) });
  return h(
    "form",
    {
      key: `${tableId}:${theme}`,
      className: "missing-pick",
      "data-theme": theme,
      "aria-label": label,
      onSubmit: (e: SubmitEvent) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget as HTMLFormElement);
        const card = String(data.get("card") ?? "");
        if (cards.includes(card as CardId)) on.complete(tableId, theme, card as CardId, String(data.get("note") ?? ""));
      },
    },
    h("h4", {}, themeBadge(theme), ` ${label}`),
    h(
      "label",
      {},
      t("ws.dbMissingCard"),
      h(
        "select",
        { name: "card" },
        cards.map((card) => h("option", { key: card, value: card }, cardTitle(card, lang()))),
      ),
    ),
    h("label", {}, t("ws.dbMissingNote"), h("input", { type: "text", name: "note", maxLength: MAX_NOTE })),
    h("button", { type: "submit", disabled: on.busy }, t("ws.dbMissingSubmit")),
  );
}

/** The holes of the debrief's action plan with their forms; null when every laid quartet has its pick. */
export function missingPicksView(d: Debrief, on: MissingPickActions): JSX.Element | null {
  const open = d.tables.filter((tb) => tb.tableId && tb.openQuartets && tb.openQuartets.length > 0);
  if (open.length === 0) return null;
  return h(
    "section",
    { className: "missing-picks", "aria-labelledby": "missing-title" },
    h("h3", { id: "missing-title" }, t("ws.dbMissing")),
    h("p", {}, t("ws.dbMissingIntro")),
    open.flatMap((tb) => (tb.openQuartets ?? []).map((theme) => missingForm(tb.number, tb.tableId ?? "", theme, on))),
    on.error ? h("p", { className: "error", role: "alert" }, on.error) : null,
  );
}

/**
 * The holes' state for the debrief screen of workshop `workshopId`: sends a
 * completed pick, then reads the debrief again and hands it to `done`;
 * `redraw` shows the sending and a refusal.
 */
export class MissingPicks implements MissingPickActions {
  error = "";
  busy = false;

  constructor(
    private readonly workshopId: string,
    private readonly done: (d: Debrief) => void,
    private readonly redraw: () => void,
  ) {}

  /** The holes of `d` with their forms (null when there are none). */
  view(d: Debrief): JSX.Element | null {
    return missingPicksView(d, this);
  }

  complete(tableId: string, theme: ThemeId, card: CardId, note: string): void {
    this.error = "";
    this.busy = true;
    this.redraw();
    facilitatorApi
      .completePick(this.workshopId, tableId, theme, card, note)
      .then(() => facilitatorApi.debrief(this.workshopId))
      .then((found) => {
        this.busy = false;
        announce(t("ws.dbMissingDone", { card: cardTitle(card, lang()) }));
        this.done(found);
      })
      .catch((e: unknown) => {
        this.busy = false;
        this.error = e instanceof ApiFailure ? e.message : String(e);
        this.redraw();
      });
  }
}
