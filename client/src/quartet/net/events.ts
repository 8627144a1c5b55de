import { isCardId, isThemeId } from "@iot/shared/quartet/cardIds";
import type { TableEvent } from "./types.js";

/** Checks an incoming event's shape; unknown or malformed events are ignored. */
export function toTableEvent(payload: unknown): TableEvent | null {
  const e = (payload ?? {}) as Record<string, unknown>;
  const player = typeof e.player === "string" ? e.player : "";
  switch (e.type) {
    case "asked":
      if (typeof e.from !== "string" || typeof e.to !== "string" || !isCardId(e.card)) return null;
      return { type: "asked", from: e.from, to: e.to, card: e.card, got: e.got === true };
    case "quartet":
      return isThemeId(e.theme) && player ? { type: "quartet", player, theme: e.theme } : null;
    case "drew":
      return player ? { type: "drew", player, ...(isCardId(e.card) ? { card: e.card } : {}) } : null;
    case "out":
      return player ? { type: "out", player } : null;
    case "turn":
      return player ? { type: "turn", player } : null;
    case "finished":
      return { type: "finished", ranking: Array.isArray(e.ranking) ? e.ranking : [] };
    default:
      return null;
  }
}
