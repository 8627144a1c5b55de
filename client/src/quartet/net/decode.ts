import { isCardId, isThemeId, type CardId, type ThemeId } from "@iot/shared/quartet/cardIds";
import type { ActionPick } from "@iot/shared/protocol";
import { DEFAULT_SETTINGS, type TableSettings } from "@iot/shared/quartet/types";
import { REGION_PHASES, ROLES } from "../../net/constants.js";
import type { Phase, Player, TableState } from "./types.js";

type Raw = Record<string, unknown>;

const obj = (v: unknown): Raw => (v && typeof v === "object" ? (v as Raw) : {});
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v) : []);
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | "" =>
  (values as readonly unknown[]).includes(v) ? (v as T) : "";

/**
 * Turns the Colyseus state (as `state.toJSON()` gives it) into a
 * {@link TableState}: players sorted by seat, unknown ids dropped, fields the
 * server does not send (the additions) filled with neutral values.
 */
export function decodeState(raw: unknown): TableState {
  const s = obj(raw);
  const players: Player[] = Object.entries(obj(s.players)).map(([id, value]) => decodePlayer(id, obj(value)));
  players.sort((a, b) => a.seat - b.seat);
  const phase: Phase = s.phase === "playing" || s.phase === "finished" ? s.phase : "waiting";
  return {
    phase,
    turn: str(s.turn),
    players,
    host: str(s.host),
    stockCount: num(s.stockCount),
    ranking: list(s.ranking).map((r) => {
      const e = obj(r);
      return { player: str(e.player), place: num(e.place), quartets: num(e.quartets), name: str(e.name) };
    }),
    plan: list(s.plan).map(decodePick),
    turnDeadline: num(s.turnDeadline),
    settings: decodeSettings(s.settings ?? s.rules),
    paused: s.paused === true,
    notice: str(s.notice),
  };
}

function decodePlayer(id: string, p: Raw): Player {
  const hand = list(p.hand).filter(isCardId) as CardId[];
  return {
    id: str(p.id) || str(p.sessionId) || id,
    name: str(p.name),
    seat: num(p.seat),
    isBot: p.isBot === true,
    connected: p.connected !== false,
    handCount: typeof p.handCount === "number" ? p.handCount : hand.length,
    quartets: list(p.quartets).filter(isThemeId) as ThemeId[],
    hand,
    role: oneOf(ROLES, p.role),
    regionPhase: oneOf(REGION_PHASES, p.regionPhase ?? p.phase),
    out: p.out === true,
  };
}

function decodePick(raw: unknown): ActionPick {
  const p = obj(raw);
  const card = str(p.card);
  const theme = str(p.theme);
  return {
    player: str(p.player),
    name: str(p.name),
    theme: (isThemeId(theme) ? theme : "netwerk") as ThemeId,
    card: isCardId(card) ? card : "",
    note: str(p.note),
    role: oneOf(ROLES, p.role),
    phase: oneOf(REGION_PHASES, p.phase ?? p.regionPhase),
  };
}

function decodeSettings(raw: unknown): TableSettings | null {
  if (!raw || typeof raw !== "object") return null;
  const r = obj(raw);
  return {
    missPassesTo: r.missPassesTo === "next" ? "next" : DEFAULT_SETTINGS.missPassesTo,
    allowBluff: r.allowBluff === true,
    stockHandSize: num(r.stockHandSize),
    emptyHand: r.emptyHand === "draw" ? "draw" : "out",
  };
}
