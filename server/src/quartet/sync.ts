import type { ArraySchema } from "@colyseus/schema";
import type { PlanPick } from "@iot/shared/quartet/actionPlan";
import { isOut } from "@iot/shared/quartet/rules";
import type { QuartetState } from "@iot/shared/quartet/types";
import type { Seat as SeatInfo } from "../table/seats.js";
import { PickSchema, RankSchema, type PlayerSchema, type QuartetStateSchema } from "./schema.js";

/** Replaces an array's contents only where it differs, so patches stay small. */
function setArray(target: ArraySchema<string>, values: readonly string[]): void {
  if (target.length === values.length && values.every((v, i) => target[i] === v)) return;
  target.clear();
  target.push(...values);
}

/** Writes a seat's identity fields into its schema player. */
export function writeSeat(player: PlayerSchema, seat: SeatInfo): void {
  player.name = seat.name;
  player.seat = seat.seat;
  player.isBot = seat.isBot;
  player.connected = seat.connected;
  player.role = seat.role;
  player.regionPhase = seat.regionPhase;
}

/**
 * Mirrors the rules engine's state into the schema: phase, turn, hands and
 * counts, quartets, stock, ranking. Called synchronously after each action,
 * so every patch shows a whole move.
 */
export function writeGame(target: QuartetStateSchema, game: QuartetState, seats: ReadonlyMap<string, SeatInfo>): void {
  target.phase = game.phase;
  target.turn = game.turn ?? "";
  target.stockCount = game.stock.length;
  target.asks = game.asks;
  for (const id of game.players) {
    const player = target.players.get(id);
    if (!player) continue;
    const hand = game.hands[id] ?? [];
    setArray(player.hand, hand);
    player.handCount = hand.length;
    setArray(player.quartets, game.quartets[id] ?? []);
    player.out = isOut(game, id);
  }
  if (game.ranking && target.ranking.length === 0) {
    for (const r of game.ranking) {
      target.ranking.push(
        new RankSchema({
          player: r.player,
          name: seats.get(r.player)?.name ?? "",
          place: r.place,
          quartets: r.quartets,
        }),
      );
    }
  }
}

/** Mirrors the table's action plan (picks in the order they were made). */
export function writePlan(
  target: QuartetStateSchema,
  picks: readonly PlanPick[],
  seats: ReadonlyMap<string, SeatInfo>,
): void {
  target.plan.clear();
  for (const p of picks) {
    const seat = seats.get(p.player);
    target.plan.push(
      new PickSchema({
        player: p.player,
        name: seat?.name ?? "",
        theme: p.theme,
        card: p.card,
        note: p.note,
        role: seat?.role ?? "",
        phase: seat?.regionPhase ?? "",
      }),
    );
  }
}
