/**
 * The action pick after a quartet: which card of it the player's region
 * should do first, with an optional note. Offered once per quartet, after
 * the quartet's moment; still open ones can be chosen later from the ask
 * panel or the end screen.
 */
import type { ThemeId } from "@iot/shared/quartet/cardIds";
import { cardTitle } from "../deck/index.js";
import { lang, t } from "../../i18n/index.js";
import type { TableConnection } from "../net/connection.js";
import { announce } from "../../ui/announcer.js";
import { showPickDialog } from "../dialogs.js";

export class PickOffers {
  private readonly offered = new Set<ThemeId>();
  private readonly shown = new Set<ThemeId>();

  constructor(private readonly conn: TableConnection) {}

  /** Own quartets without a pick in the table's plan. */
  open(): ThemeId[] {
    const state = this.conn.state;
    const mine = state.players.find((p) => p.id === this.conn.me);
    const picked = new Set(state.plan.filter((p) => p.player === this.conn.me && p.card).map((p) => p.theme));
    return (mine?.quartets ?? []).filter((theme) => !picked.has(theme));
  }

  /** Offers the pick for a quartet just laid, after `delay` ms, unless a dialog is open or `cancelled()` says so. */
  offer(theme: ThemeId, delay: number, cancelled: () => boolean): void {
    if (this.offered.has(theme)) return;
    this.offered.add(theme);
    window.setTimeout(() => {
      if (!cancelled() && !document.querySelector("dialog[open]") && this.open().includes(theme)) this.show(theme);
    }, delay);
  }

  /** Offers the first open pick that was never shown (e.g. a quartet laid with the game's last ask). */
  showNext(): void {
    const next = this.open().find((theme) => !this.shown.has(theme));
    if (next) this.show(next);
  }

  /** Shows the pick dialog for `theme`. */
  show(theme: ThemeId): void {
    this.shown.add(theme);
    const chosen = this.conn.state.plan.find((p) => p.player === this.conn.me && p.theme === theme)?.card ?? "";
    showPickDialog(theme, chosen, (card, note) => {
      this.conn.pick(card, note);
      announce(t("pick.chosen", { card: cardTitle(card, lang()) }));
    });
  }
}
