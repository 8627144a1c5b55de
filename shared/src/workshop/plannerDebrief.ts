/**
 * The debrief of a planner workshop: per table (region) and planner the KPIs
 * of every round, the region's km and CO2 of round 3 against round 4 (the
 * exchange), every planner's competence profile, and the rounds compared over
 * the whole workshop. The server fills it from the database; the facilitator's
 * screen, the CSV and the PDF show it. The shapes are zod schemas (the
 * browser checks the debrief it reads with them); the types are inferred.
 */
import { z } from "zod";
import type { CompetenceProfile } from "../planner/game/assessment.js";

/**
 * A competence profile as the debrief sends it (the game's
 * `CompetenceProfile`): 0-100 per competence, null where it could not be
 * shown ("n.v.t." / "n/a").
 */
export const competenceProfileSchema = z.object({
  efficiency: z.number().nullable(),
  green: z.number().nullable(),
  service: z.number().nullable(),
  adaptivity: z.number().nullable(),
  collaboration: z.number().nullable(),
  digital: z.number().nullable(),
}) satisfies z.ZodType<CompetenceProfile>;

/** One planner's result in one round. */
export const plannerRoundLineSchema = z.object({
  round: z.number().int(),
  /** Euro. */
  cost: z.number(),
  km: z.number(),
  co2Kg: z.number(),
  late: z.number(),
  minutesLate: z.number(),
  unplanned: z.number(),
  deliveries: z.number(),
  orders: z.number(),
  /** Round score, euro per order (lower is better). */
  score: z.number(),
  /** Place at the table in this round (equal scores share a place). */
  place: z.number().int(),
  /** The assistant's last proposal of the round for this carrier, evaluated the same way; null if none. */
  assistantCost: z.number().nullable(),
  assistantCo2Kg: z.number().nullable(),
  assistantScore: z.number().nullable(),
  /** The assistant's reference plan for the same situation (the assessment's yardstick); null if it was missing. */
  referenceCost: z.number().nullable(),
  referenceCo2Kg: z.number().nullable(),
  referenceScore: z.number().nullable(),
});
/** One planner's result in one round. */
export type PlannerRoundLine = z.infer<typeof plannerRoundLineSchema>;

/** A planner of a table: their rounds in order and their profile (null until a round has ended). */
export const plannerDebriefLineSchema = z.object({
  /** Seat in the region (0-based). */
  seat: z.number().int(),
  name: z.string(),
  rounds: z.array(plannerRoundLineSchema),
  profile: competenceProfileSchema.nullable(),
});
/** A planner of a table: their rounds in order and their profile (null until a round has ended). */
export type PlannerDebriefLine = z.infer<typeof plannerDebriefLineSchema>;

/** A region's totals in one round. */
export const regionRoundSchema = z.object({
  round: z.number().int(),
  cost: z.number(),
  km: z.number(),
  co2Kg: z.number(),
});
/** A region's totals in one round. */
export type RegionRound = z.infer<typeof regionRoundSchema>;

/** Round 4 (together) against round 3 (disruption): the region's km and CO2, and what the exchange saved. */
export const togetherComparisonSchema = z.object({
  kmRound3: z.number(),
  kmRound4: z.number(),
  co2KgRound3: z.number(),
  co2KgRound4: z.number(),
  /** Round 3 minus round 4 (positive: saved). */
  kmSaved: z.number(),
  co2KgSaved: z.number(),
  /** Saved as a share of round 3 (0 when round 3 had none). */
  kmSavedShare: z.number(),
  co2KgSavedShare: z.number(),
});
/** Round 4 (together) against round 3 (disruption): the region's km and CO2, and what the exchange saved. */
export type TogetherComparison = z.infer<typeof togetherComparisonSchema>;

/** A planner table in the debrief. */
export const plannerTableDebriefSchema = z.object({
  planners: z.array(plannerDebriefLineSchema),
  region: z.array(regionRoundSchema),
  together: togetherComparisonSchema.nullable(),
});
/** A planner table in the debrief. */
export type PlannerTableDebrief = z.infer<typeof plannerTableDebriefSchema>;

/** One round over the whole workshop. */
export const roundComparisonSchema = z.object({
  round: z.number().int(),
  planners: z.number().int(),
  meanScore: z.number(),
  meanCost: z.number(),
  meanCo2Kg: z.number(),
  late: z.number(),
  unplanned: z.number(),
});
/** One round over the whole workshop. */
export type RoundComparison = z.infer<typeof roundComparisonSchema>;

const round2 = (x: number) => Math.round(x * 100) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Places within each round: 1 + the number of planners of that round with a lower score. */
export function withPlaces(lines: readonly Omit<PlannerRoundLine, "place">[][]): PlannerRoundLine[][] {
  const all = lines.flat();
  return lines.map((rounds) =>
    rounds.map((r) => ({
      ...r,
      place: 1 + all.filter((o) => o.round === r.round && o.score < r.score).length,
    })),
  );
}

/** The region's cost, km and CO2 per round, summed over its planners (rounds in order). */
export function regionByRound(planners: readonly PlannerDebriefLine[]): RegionRound[] {
  const byRound = new Map<number, RegionRound>();
  for (const p of planners) {
    for (const r of p.rounds) {
      const total = byRound.get(r.round) ?? { round: r.round, cost: 0, km: 0, co2Kg: 0 };
      total.cost += r.cost;
      total.km += r.km;
      total.co2Kg += r.co2Kg;
      byRound.set(r.round, total);
    }
  }
  return [...byRound.values()]
    .sort((a, b) => a.round - b.round)
    .map((r) => ({ round: r.round, cost: round2(r.cost), km: round3(r.km), co2Kg: round3(r.co2Kg) }));
}

/** Round 4 against round 3 for a region; null until both have ended. */
export function together(region: readonly RegionRound[]): TogetherComparison | null {
  const r3 = region.find((r) => r.round === 3);
  const r4 = region.find((r) => r.round === 4);
  if (!r3 || !r4) return null;
  const share = (saved: number, base: number) => (base > 0 ? round3(saved / base) : 0);
  const kmSaved = round3(r3.km - r4.km);
  const co2KgSaved = round3(r3.co2Kg - r4.co2Kg);
  return {
    kmRound3: r3.km,
    kmRound4: r4.km,
    co2KgRound3: r3.co2Kg,
    co2KgRound4: r4.co2Kg,
    kmSaved,
    co2KgSaved,
    kmSavedShare: share(kmSaved, r3.km),
    co2KgSavedShare: share(co2KgSaved, r3.co2Kg),
  };
}

/** Every round over all tables: how many planners, their mean score, cost and CO2, and lateness and unplanned orders in all. */
export function compareRounds(tables: readonly PlannerTableDebrief[]): RoundComparison[] {
  const lines = tables.flatMap((t) => t.planners.flatMap((p) => p.rounds));
  const rounds = [...new Set(lines.map((r) => r.round))].sort((a, b) => a - b);
  return rounds.map((round) => {
    const rs = lines.filter((r) => r.round === round);
    const mean = (f: (r: PlannerRoundLine) => number) => rs.reduce((a, r) => a + f(r), 0) / rs.length;
    return {
      round,
      planners: rs.length,
      meanScore: round2(mean((r) => r.score)),
      meanCost: round2(mean((r) => r.cost)),
      meanCo2Kg: round3(mean((r) => r.co2Kg)),
      late: rs.reduce((a, r) => a + r.late, 0),
      unplanned: rs.reduce((a, r) => a + r.unplanned, 0),
    };
  });
}
