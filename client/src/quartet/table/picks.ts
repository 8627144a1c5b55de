/**
 * The action pick after a quartet: which card of it the player's region
 * should do first, with an optional note. Offered once per own quartet,
 * after the quartet's moment; a pick put off ("Later kiezen") stays open and
 * can be chosen later from the ask panel or the end screen, and so can a
 * quartet a bot laid that nobody at the table picked yet (the shared
 * `openPicks`).
 */
import { openPicks } from "@iot/shared/quartet/actionPlan";
import type { ThemeId } from "@iot/shared/quartet/cardIds";
import { cardTitle } from "../deck/index.js";
import { lang, t } from "../../i18n/index.js";
import type { TableConnection } from "../net/connection.js";
import { announce } from "../../ui/announcer.js";
import { showPickDialog, type OpenPick } from "../dialogs.js";

export class PickOffers {
  private readonly offered = new Set<ThemeId>();
  private readonly shown = new Set<ThemeId>();

  constructor(private readonly conn: TableConnection) {}

  /** The quartets the player may still pick from: their own without a pick, then the bots' nobody picked. */
  open(): OpenPick[] {
    const state = this.conn.state;
    const quartets = Object.fromEntries(state.players.map((p) => [p.id, p.quartets]));
    const bots = new Set(state.players.filter((p) => p.isBot).map((p) => p.id));
    const picked = state.plan.filter((p) => p.card);
    return openPicks({ quartets }, picked, this.conn.me, bots).map((theme) => {
      const layer = state.players.find((p) => p.quartets.includes(theme));
      return { theme, from: layer && layer.id !== this.conn.me ? layer.name : null };
    });
  }

  /** Offers the pick for a quartet just laid, after `delay` ms, unless a dialog is open or `cancelled()` says so. */
  offer(theme: ThemeId, delay: number, cancelled: () => boolean): void {
    if (this.offered.has(theme)) return;
    this.offered.add(theme);
    window.setTimeout(() => {
      if (!cancelled() && !document.querySelector("dialog[open]") && this.isOpen(theme)) this.show(theme);
    }, delay);
  }

  /** Offers the first own open pick that was never shown (e.g. a quartet laid with the game's last ask). */
  showNext(): void {
    const next = this.open().find((p) => p.from === null && !this.shown.has(p.theme));
    if (next) this.show(next.theme);
  }

  /** Shows the pick dialog for `theme` (named after who laid it when that was a bot). */
  show(theme: ThemeId): void {
    this.shown.add(theme);
    const chosen = this.conn.state.plan.find((p) => p.player === this.conn.me && p.theme === theme)?.card ?? "";
    const from = this.open().find((p) => p.theme === theme)?.from ?? null;
    showPickDialog(
      theme,
      chosen,
      (card, note) => {
        this.conn.pick(card, note);
        announce(t("pick.chosen", { card: cardTitle(card, lang()) }));
      },
      from,
    );
  }

  private isOpen(theme: ThemeId): boolean {
    return this.open().some((p) => p.theme === theme);
  }
}
