import type { z } from "zod";
import type { PlannerTable } from "@iot/shared/planner/game/definition";
import { plannerTableSchema } from "@iot/shared/planner/game/tableSchema";
import type { QuartetTable, QuartetTableEvent } from "@iot/shared/quartet/game";
import { quartetTableSchema } from "@iot/shared/quartet/tableSchema";
import type { PlannerEvent } from "@iot/shared/planner/game/index";
import type { WorkshopStore } from "../db/store.js";
import type { TableRow, WorkshopRow } from "../db/schema.js";
import type { Seat } from "../table/seats.js";
import type { WorkshopSnapshot } from "../table/snapshot.js";
import { savePlannerResults } from "./plannerResults.js";
import { rulesOf } from "./wire.js";

/** What a table's writes need: where to write, and who sat where at that moment. */
export interface PersistContext {
  store: WorkshopStore;
  tableId: string;
  /** Seat (player id) to participant id. */
  participants: ReadonlyMap<string, string>;
  seats: ReadonlyMap<string, Seat>;
}

/**
 * A game a workshop can run: the room its tables open as, the table options
 * it takes from the workshop's settings, how a saved state is checked, and
 * what it writes to the database as it plays (and again after a restart).
 */
export interface WorkshopGame {
  room: string;
  /** The game's table options from the workshop's settings, for `seated` participants. */
  tableOptions(workshop: WorkshopRow, seated: number): unknown;
  stateSchema: z.ZodType;
  /** Writes what the events of one move produced. */
  persist(ctx: PersistContext, events: readonly unknown[], state: unknown): Promise<void>;
  /** Writes again everything the state holds (after a restart; replaces, never doubles). */
  resave(ctx: PersistContext, state: unknown): Promise<void>;
  /** A table whose saved game has finished: writes what it produced; it is not reopened. */
  finish(store: WorkshopStore, table: TableRow, snapshot: WorkshopSnapshot): Promise<void>;
  isFinished(state: unknown): boolean;
}

async function saveQuartetResults(ctx: PersistContext, table: QuartetTable): Promise<void> {
  await ctx.store.saveResults(
    ctx.tableId,
    (table.game.ranking ?? []).map((r) => ({
      player_key: r.player,
      participant_id: ctx.participants.get(r.player) ?? null,
      player_name: ctx.seats.get(r.player)?.name ?? "",
      is_bot: ctx.participants.has(r.player) ? 0 : 1,
      place: r.place,
      quartets: r.quartets,
    })),
  );
}

const quartet: WorkshopGame = {
  room: "workshop-quartet",
  tableOptions: (w) => ({
    seats: w.table_size,
    botLevel: w.bot_level,
    lang: w.lang === "en" ? "en" : "nl",
    turnSeconds: w.turn_seconds,
    rules: rulesOf(w.rules),
  }),
  stateSchema: quartetTableSchema,
  async persist(ctx, events, state) {
    const table = state as QuartetTable;
    for (const event of events as readonly QuartetTableEvent[]) {
      if (event.type === "picked") {
        const seat = ctx.seats.get(event.pick.player);
        await ctx.store.savePick(ctx.tableId, {
          player_key: event.pick.player,
          participant_id: ctx.participants.get(event.pick.player) ?? null,
          player_name: seat?.name ?? "",
          theme: event.pick.theme,
          card: event.pick.card,
          note: event.pick.note,
          role: seat?.role ?? "",
          region_phase: seat?.regionPhase ?? "",
        });
      } else if (event.type === "finished") await saveQuartetResults(ctx, table);
    }
  },
  resave: async () => undefined,
  finish: async () => undefined,
  isFinished: (state) => (state as QuartetTable).game.phase === "finished",
};

const planner: WorkshopGame = {
  room: "workshop-planner",
  tableOptions: (w, seated) => ({
    difficulty: w.difficulty,
    roundSeconds: Math.max(0, w.round_minutes) * 60,
    planners: Math.min(8, Math.max(1, seated)),
  }),
  stateSchema: plannerTableSchema,
  async persist(ctx, events, state) {
    const game = (state as PlannerTable).game;
    // A round's results when it ends, and again when a reference plan arrived late and completed them.
    const rounds = [
      ...new Set(
        (events as readonly PlannerEvent[]).flatMap((e) =>
          e.type === "round-ended" || e.type === "reference-recorded" ? [e.round] : [],
        ),
      ),
    ];
    if (rounds.length > 0) await savePlannerResults(ctx.store, ctx.tableId, game, ctx.participants, rounds);
  },
  async resave(ctx, state) {
    if (state) await savePlannerResults(ctx.store, ctx.tableId, (state as PlannerTable).game, ctx.participants);
  },
  async finish(store, table, snapshot) {
    const game = (snapshot.table.state as PlannerTable).game;
    await savePlannerResults(store, table.id, game, snapshot.participants);
  },
  isFinished: (state) => (state as PlannerTable).game.phase === "finished",
};

/** The games a workshop can run, by the workshop's `game`. */
export const WORKSHOP_GAMES: Readonly<Record<"quartet" | "planner", WorkshopGame>> = { quartet, planner };

/** The registry entry of a workshop's game (the quartet for anything else). */
export function workshopGame(workshop: Pick<WorkshopRow, "game">): WorkshopGame {
  return workshop.game === "planner" ? planner : quartet;
}
