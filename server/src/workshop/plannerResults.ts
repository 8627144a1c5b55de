import { assess, type PlannerGame } from "@iot/shared/planner/game/index";
import type { WorkshopStore } from "../db/store.js";
import type { NewPlannerProfile, NewPlannerRound } from "../db/plannerStore.js";

/** Which participant plays which carrier: planner id (session id) to participant id. */
export type PlannerParticipants = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function participantOf(participants: PlannerParticipants, player: string): string | null {
  if (participants instanceof Map) return participants.get(player) ?? null;
  const record = participants as Readonly<Record<string, string>>;
  return Object.hasOwn(record, player) ? (record[player] ?? null) : null;
}

/** The rows of one ended round: every carrier's KPIs in short, its score and the assistant's. */
export function roundRows(game: PlannerGame, round: number, participants: PlannerParticipants): NewPlannerRound[] {
  return game.results
    .filter((r) => r.round === round)
    .map((r) => ({
      seat: game.carriers[r.player]?.index ?? 0,
      player_key: r.player,
      participant_id: participantOf(participants, r.player),
      player_name: game.names[r.player] ?? "",
      round: r.round,
      cost: r.kpi.cost,
      km: r.kpi.km,
      co2_kg: r.kpi.co2Kg,
      late: r.kpi.late,
      minutes_late: r.kpi.minutesLate,
      unplanned: r.kpi.unplanned,
      deliveries: r.kpi.deliveries,
      orders: r.kpi.orders,
      solo_cost: r.kpi.soloCost,
      solo_co2_kg: r.kpi.soloCo2Kg,
      score: r.score,
      assistant_cost: r.assistant?.cost ?? null,
      assistant_co2_kg: r.assistant?.co2Kg ?? null,
      assistant_score: r.assistantScore,
      reference_cost: r.reference?.cost ?? null,
      reference_co2_kg: r.reference?.co2Kg ?? null,
      reference_score: r.referenceScore ?? null,
    }));
}

/** Every planner's competence profile from the rounds that have ended (see `assess`). */
export function profileRows(game: PlannerGame, participants: PlannerParticipants): NewPlannerProfile[] {
  const profiles = assess(game);
  const rounds = new Set(game.results.map((r) => r.round)).size;
  return game.players.flatMap((player) => {
    const p = profiles[player];
    if (!p) return [];
    return [
      {
        seat: game.carriers[player]?.index ?? 0,
        player_key: player,
        participant_id: participantOf(participants, player),
        player_name: game.names[player] ?? "",
        ...p,
        rounds,
      },
    ];
  });
}

/**
 * Saves what a planner table produced: the results of `rounds` (every ended
 * round when left out) and the profiles as they stand; a finished game also
 * marks the table finished. Saving again replaces, never doubles.
 */
export async function savePlannerResults(
  store: WorkshopStore,
  tableId: string,
  game: PlannerGame,
  participants: PlannerParticipants,
  rounds: readonly number[] = [...new Set(game.results.map((r) => r.round))],
): Promise<void> {
  for (const round of rounds) await store.planner.saveRound(tableId, round, roundRows(game, round, participants));
  if (game.results.length > 0) {
    await store.planner.saveProfiles(tableId, profileRows(game, participants), game.phase === "finished");
  }
}
