import type { QuartetSeatView } from "@iot/shared/quartet/game";
import type { TableView } from "@iot/shared/table/view";
import { REGION_PHASES, ROLES } from "../../net/constants.js";
import type { Player, TableEvent, TableState } from "./types.js";

const oneOf = <T extends string>(values: readonly T[], v: string): T | "" =>
  (values as readonly string[]).includes(v) ? (v as T) : "";

/** The table as the screens draw it, from the seat's view: players in seat order with names, counts and the own hand. */
export function toTableState(view: TableView<QuartetSeatView>): TableState {
  const game = view.game;
  const name = (id: string) => view.seats.find((s) => s.id === id)?.name ?? "";
  const players: Player[] = view.seats.map((s) => {
    const p = game?.players.find((x) => x.id === s.id);
    return {
      id: s.id,
      name: s.name,
      seat: s.seat,
      isBot: s.isBot,
      connected: s.connected,
      handCount: p?.handCount ?? 0,
      quartets: p?.quartets ?? [],
      hand: s.id === view.me ? (game?.hand ?? []) : [],
      role: oneOf(ROLES, s.role),
      regionPhase: oneOf(REGION_PHASES, s.regionPhase),
      out: p?.out ?? false,
    };
  });
  return {
    phase: game ? game.phase : "waiting",
    turn: game?.turn ?? "",
    players,
    host: view.host,
    stockCount: game?.stockCount ?? 0,
    ranking: (game?.ranking ?? []).map((r) => ({ ...r, name: name(r.player) })),
    plan: (game?.picks ?? []).map((p) => {
      const seat = view.seats.find((s) => s.id === p.player);
      return {
        player: p.player,
        name: seat?.name ?? "",
        theme: p.theme,
        card: p.card,
        note: p.note,
        role: oneOf(ROLES, seat?.role ?? ""),
        phase: oneOf(REGION_PHASES, seat?.regionPhase ?? ""),
      };
    }),
    turnDeadline: view.turnDeadline,
    settings: game?.settings ?? null,
    paused: view.paused,
    notice: view.notice,
  };
}

/** The events of a seat's history that the log and the animations show (the deal is not one of them). */
export function tableEvents(view: TableView<QuartetSeatView> | null): TableEvent[] {
  return (view?.game?.history ?? []).filter((e): e is TableEvent => e.type !== "dealt");
}

/**
 * What happened between two views of the same seat: the events the newer
 * history has beyond the older one (none when the older one is not its
 * beginning, e.g. after the seat moved to a new session).
 */
export function newEvents(before: TableView<QuartetSeatView> | null, after: TableView<QuartetSeatView>): TableEvent[] {
  const old = before?.game?.history ?? [];
  const now = after.game?.history ?? [];
  if (now.length < old.length || old.some((e, i) => now[i]?.type !== e.type)) return [];
  return now.slice(old.length).filter((e): e is TableEvent => e.type !== "dealt");
}
