import { z } from "zod";
import type { CarrierView } from "./carrierView.js";
import type { Offer, PlannerGame, Standing } from "./game/types.js";

/** Every planner's headline figures of their current plan, as their own desk computes them: public. */
export interface PlannerHeadline {
  id: string;
  cost: number;
  km: number;
  co2Kg: number;
  late: number;
  unplanned: number;
  deliveries: number;
}

/**
 * What one planner may know of the region: the game's phase, round and
 * clock, the round timer, their own carrier (null for a seat without one),
 * every planner's headline figures, the offers, the last round's standings
 * and the region's totals. Nothing of another carrier's orders or plan.
 */
export interface PlannerSeatView {
  phase: PlannerGame["phase"];
  round: number;
  /** Minutes after midnight in the game day, rounded. */
  clock: number;
  /** Epoch ms when the round's timer runs out; 0 when none runs. */
  roundEndsAt: number;
  carrier: CarrierView | null;
  planners: PlannerHeadline[];
  offers: Offer[];
  /** The standings of round `leaderboardRound` (the last that ended; 0: none yet). */
  leaderboard: Standing[];
  leaderboardRound: number;
  regionKm: number;
  regionCo2Kg: number;
  /** The region's totals at the end of round 3, to compare round 4 against (0 before). */
  regionKmRound3: number;
  regionCo2KgRound3: number;
}

const plan = z.object({ routes: z.array(z.object({ vehicle: z.string(), orders: z.array(z.string()) })) });
const minute = z.number();
const slow = { factor: z.number().positive(), until: minute };

/** One disruption as the seat view carries it: every kind of the catalogue (`scenario.ts` `Disruption`). */
export const disruptionSchema = z.discriminatedUnion("kind", [
  z.object({ at: minute, kind: z.literal("breakdown"), vehicle: z.string() }),
  z.object({ at: minute, kind: z.literal("driver-absent"), vehicle: z.string() }),
  z.object({
    at: minute,
    kind: z.literal("rush-order"),
    order: z.object({ id: z.string(), town: z.string(), pallets: z.number(), ready: minute, due: minute }).loose(),
  }),
  z.object({
    at: minute,
    kind: z.literal("traffic-jam"),
    from: z.string(),
    to: z.string(),
    corridor: z.string().optional(),
    ...slow,
  }),
  z.object({ at: minute, kind: z.literal("road-closure"), town: z.string(), ...slow }),
  z.object({ at: minute, kind: z.literal("window-change"), order: z.string(), ready: minute, due: minute }),
]);
/** A route's drivers' breaks and driving-time breaches (`evaluate.ts` RouteKpi), which the desk's timeline draws. */
const routeBreaks = z
  .object({
    breaks: z.array(z.object({ start: z.number(), minutes: z.number(), after: z.number().int(), onRoad: z.boolean() })),
    breaches: z.array(z.object({ code: z.enum(["DAILY_DRIVING", "BREAKS_AFTER_DAY_END"]), minutes: z.number() })),
  })
  .loose();
const kpi = z
  .object({
    routes: z.array(routeBreaks),
    breaks: z.number(),
    drivingBreaches: z.number(),
    cost: z.number(),
    km: z.number(),
    co2Kg: z.number(),
    late: z.number(),
    unplanned: z.array(z.string()),
  })
  .loose();

/** The client's check of a planner view (the generated day's details are taken as they come). */
export const plannerSeatViewSchema = z.object({
  phase: z.enum(["waiting", "round", "review", "finished"]),
  round: z.number().int(),
  clock: z.number(),
  roundEndsAt: z.number(),
  carrier: z
    .object({
      index: z.number().int(),
      scenario: z
        .object({
          orders: z.array(z.object({ id: z.string() }).loose()),
          fleet: z.array(z.object({ id: z.string() }).loose()),
        })
        .loose(),
      plan,
      kpi,
      revealed: z.array(z.string()),
      unavailable: z.array(z.string()),
      locked: z.array(z.string()),
      proposal: plan.nullable(),
      proposalKpi: kpi.nullable(),
      proposalOutdated: z.boolean(),
      disruptions: z.array(disruptionSchema),
      planLocks: z.object({ routes: z.array(z.string()), stops: z.array(z.string()) }),
    })
    .loose()
    .nullable(),
  planners: z.array(
    z.object({
      id: z.string(),
      cost: z.number(),
      km: z.number(),
      co2Kg: z.number(),
      late: z.number(),
      unplanned: z.number(),
      deliveries: z.number(),
    }),
  ),
  offers: z.array(z.object({ id: z.string(), from: z.string(), order: z.string(), status: z.string() }).loose()),
  leaderboard: z.array(
    z.object({ player: z.string(), name: z.string(), place: z.number(), score: z.number() }).loose(),
  ),
  leaderboardRound: z.number().int(),
  regionKm: z.number(),
  regionCo2Kg: z.number(),
  regionKmRound3: z.number(),
  regionCo2KgRound3: z.number(),
}) as unknown as z.ZodType<PlannerSeatView>;
