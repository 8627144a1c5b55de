import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * The planner room's synchronised state. Everyone sees each planner's name,
 * connection and headline KPIs; a planner's own carrier (orders, fleet,
 * plan, floor knowledge, proposal) is a view-filtered JSON document that
 * only that planner's client receives. Messages and fields are listed in
 * docs/planner-game.md.
 */
export const PlannerSchema = schema(
  {
    name: t.string(),
    seat: t.uint8(),
    connected: t.boolean(),
    cost: t.float64().default(0),
    km: t.float64().default(0),
    co2Kg: t.float64().default(0),
    late: t.uint16().default(0),
    unplanned: t.uint16().default(0),
    deliveries: t.uint16().default(0),
    /** This planner's carrier as JSON (scenario, plan, KPIs, floor knowledge, proposal); owner only. */
    carrier: t.string().default("").view(),
  },
  "Planner",
);
export type PlannerSchema = SchemaType<typeof PlannerSchema>;

/** An order offered for exchange in round 4 (public: every carrier may take it). */
export const OfferSchema = schema(
  {
    id: t.string(),
    from: t.string(),
    order: t.string(),
    town: t.string(),
    pallets: t.uint8(),
    ready: t.uint16(),
    due: t.uint16(),
    status: t.string(),
    takenBy: t.string(),
  },
  "Offer",
);
export type OfferSchema = SchemaType<typeof OfferSchema>;

/** One line of a round's leaderboard. */
export const StandingSchema = schema(
  {
    player: t.string(),
    name: t.string(),
    place: t.uint8(),
    score: t.float64(),
    cost: t.float64(),
    co2Kg: t.float64(),
    late: t.uint16(),
    unplanned: t.uint16(),
  },
  "Standing",
);
export type StandingSchema = SchemaType<typeof StandingSchema>;

export const PlannerStateSchema = schema(
  {
    phase: t.string().default("waiting"),
    round: t.uint8().default(0),
    /** Minutes after midnight in the game day (moves in round 3). */
    clock: t.uint16().default(0),
    /** Epoch ms when the round's timer runs out; 0 when there is none. */
    roundEndsAt: t.float64().default(0),
    host: t.string().default(""),
    planners: t.map(PlannerSchema),
    offers: t.array(OfferSchema),
    leaderboard: t.array(StandingSchema),
    /** Round of the leaderboard shown. */
    leaderboardRound: t.uint8().default(0),
    regionKm: t.float64().default(0),
    regionCo2Kg: t.float64().default(0),
    /** The region's totals at the end of round 3, to compare round 4 against. */
    regionKmRound3: t.float64().default(0),
    regionCo2KgRound3: t.float64().default(0),
    notice: t.string().default(""),
    paused: t.boolean().default(false),
  },
  "PlannerState",
);
export type PlannerStateSchema = SchemaType<typeof PlannerStateSchema>;
