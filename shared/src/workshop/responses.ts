/**
 * What the workshop HTTP API answers, defined once: zod schemas with the
 * types inferred from them. The server builds its answers as these types
 * (and checks them against the schemas outside production); the browser
 * checks every answer it reads with the same schemas (`workshopApi.ts`,
 * which loads this module on demand so the first screen stays light).
 * Field names are camelCase; no database column name reaches the wire.
 */
import { z } from "zod";
import { LANGS } from "../protocol.js";
import { BOT_LEVELS } from "../quartet/bots/index.js";
import { GAMES, TABLE_STATUSES, WORKSHOP_STATUSES } from "./constants.js";

export { debriefSchema, prioritiesSchema, type Debrief, type Priority } from "./debrief.js";
export { completedPickSchema } from "./pickCompletion.js";

/** A refused call: the error code and a sentence in the caller's language. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** NAME_TAKEN: a free name to suggest (also in the sentence). */
  suggestion: z.string().optional(),
});
/** A refused call (any status of 400 and above). */
export type ApiErrorAnswer = z.infer<typeof apiErrorSchema>;

/** `POST /api/auth/login`: who is signed in now. */
export const signedInSchema = z.object({ email: z.string() });
/** `POST /api/auth/login`. */
export type SignedIn = z.infer<typeof signedInSchema>;

/** `GET /api/auth/me`: the signed-in facilitator's email, or null. */
export const meSchema = z.object({ email: z.string().nullable() });
/** `GET /api/auth/me`. */
export type Me = z.infer<typeof meSchema>;

/** `POST /api/auth/logout`. */
export const signedOutSchema = z.object({ ok: z.literal(true) });
/** `POST /api/auth/logout`. */
export type SignedOut = z.infer<typeof signedOutSchema>;

/** A quartet workshop's house rules (the request's `rules`, and the same in every answer). */
export const quartetRulesSchema = z.object({
  missPassesTo: z.enum(["asked", "next"]).optional(),
  allowBluff: z.boolean().optional(),
});
/** A quartet workshop's house rules. */
export type QuartetRules = z.infer<typeof quartetRulesSchema>;

/** A workshop as its facilitator sees it: its settings, status and message. */
export const workshopInfoSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  lang: z.enum(LANGS),
  game: z.enum(GAMES),
  status: z.enum(WORKSHOP_STATUSES),
  /** The facilitator's last message to everyone ("" when none). */
  message: z.string(),
  tableSize: z.number().int(),
  botLevel: z.enum(BOT_LEVELS),
  /** The quartet's turn timer (0: off). */
  turnSeconds: z.number().int(),
  rules: quartetRulesSchema,
  /** The planner game's days (1-4: 15, 30, 45 or 60 orders per carrier). */
  difficulty: z.number().int(),
  /** The planner game's minutes per round (0: the facilitator moves on). */
  roundMinutes: z.number().int(),
  /** ISO-8601. */
  createdAt: z.string(),
  /** ISO-8601; null while the workshop runs. */
  endedAt: z.string().nullable(),
  /** Locked: nobody new may join (participants already in keep their places). */
  locked: z.boolean(),
  /** ISO-8601 when the facilitator archived it (hidden from the list unless asked); null otherwise. */
  archivedAt: z.string().nullable(),
});
/** A workshop: `POST /api/workshops` answers one, `GET /api/workshops` a list (newest first). */
export type WorkshopInfo = z.infer<typeof workshopInfoSchema>;
/** What a workshop holds, counted: what deleting it would remove. */
export const workshopCountsSchema = z.object({
  participants: z.number().int(),
  tables: z.number().int(),
  /** Tables whose game finished and left results (rankings, picks, planner rounds). */
  results: z.number().int(),
});
/** What a workshop holds, counted. */
export type WorkshopCounts = z.infer<typeof workshopCountsSchema>;

/** A workshop in the facilitator's list: the workshop and what it holds. */
export const workshopListItemSchema = workshopInfoSchema.extend({ counts: workshopCountsSchema });
/** A workshop in the facilitator's list. */
export type WorkshopListItem = z.infer<typeof workshopListItemSchema>;
/** `GET /api/workshops` (archived ones only with `?archived=1`). */
export const workshopListSchema = z.array(workshopListItemSchema);

/** `DELETE /api/workshops/:id`: the workshop is gone, with what it held. */
export const workshopDeletedSchema = z.object({ ok: z.literal(true), id: z.string(), deleted: workshopCountsSchema });
/** `DELETE /api/workshops/:id`. */
export type WorkshopDeleted = z.infer<typeof workshopDeletedSchema>;

/** The quartet's line in the live overview. */
export const quartetTableSummarySchema = z.object({
  game: z.literal("quartet"),
  phase: z.enum(["waiting", "playing", "finished"]),
  paused: z.boolean(),
  /** Milliseconds since the last move (or since the table opened), when the summary was made. */
  idleMs: z.number(),
  /** Whose turn it is ("" before the deal). */
  turnName: z.string(),
  asks: z.number().int(),
  players: z.array(
    z.object({
      name: z.string(),
      isBot: z.boolean(),
      connected: z.boolean(),
      handCount: z.number().int(),
      quartets: z.number().int(),
    }),
  ),
});
/** The quartet's line in the live overview. */
export type QuartetTableSummary = z.infer<typeof quartetTableSummarySchema>;

/** One planner of a planner table in the live overview: headline KPIs of the current plan. */
export const plannerSummaryLineSchema = z.object({
  name: z.string(),
  connected: z.boolean(),
  /** Euro. */
  cost: z.number(),
  km: z.number(),
  co2Kg: z.number(),
  late: z.number(),
  unplanned: z.number(),
  deliveries: z.number(),
});
/** One planner of a planner table in the live overview. */
export type PlannerSummaryLine = z.infer<typeof plannerSummaryLineSchema>;

/** A planner region in the live overview. */
export const plannerTableSummarySchema = z.object({
  game: z.literal("planner"),
  /** The planner game's own phase. */
  phase: z.enum(["waiting", "round", "review", "finished"]),
  paused: z.boolean(),
  /** Milliseconds since the last planner action (or since the table opened), when the summary was made. */
  idleMs: z.number(),
  /** 0 before round 1. */
  round: z.number().int(),
  /** The day's clock, minutes after midnight (moves in round 3). */
  clock: z.number(),
  planners: z.array(plannerSummaryLineSchema),
  /** The region's km and kg CO2 now, and at the end of round 3 (0 before). */
  regionKm: z.number(),
  regionCo2Kg: z.number(),
  regionKmRound3: z.number(),
  regionCo2KgRound3: z.number(),
});
/** A planner region in the live overview. */
export type PlannerTableSummary = z.infer<typeof plannerTableSummarySchema>;

/** What the facilitator's live overview shows of one open table: one shape per game, told apart by `game`. */
export const tableSummarySchema = z.discriminatedUnion("game", [quartetTableSummarySchema, plannerTableSummarySchema]);
/** What the facilitator's live overview shows of one open table. */
export type TableSummary = z.infer<typeof tableSummarySchema>;

/** A participant as the facilitator sees them. */
export const participantLineSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Role in the region ("" when not given). */
  role: z.string(),
  /** Where their region stands ("" when not given). */
  phase: z.string(),
});
/** A participant as the facilitator sees them. */
export type ParticipantLine = z.infer<typeof participantLineSchema>;

/** One table of the overview: who sits there and, while it is open, its live summary. */
export const overviewTableSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(TABLE_STATUSES),
  /** The table's room ("" before it opened). */
  roomId: z.string(),
  participants: z.array(participantLineSchema),
  /** Null unless the table is playing and its room answers. */
  live: tableSummarySchema.nullable(),
});
/** One table of the overview. */
export type OverviewTable = z.infer<typeof overviewTableSchema>;

/**
 * A line of the workshop's log: a late joiner took over the seat bot `bot`
 * played at table `table` (`seat-taken`), or opened table `table` of their
 * own with bots (`new-table`, `bot` empty). `at` is ISO-8601.
 */
export const workshopEventSchema = z.object({
  at: z.string(),
  kind: z.enum(["seat-taken", "new-table"]),
  name: z.string(),
  table: z.number().int(),
  bot: z.string(),
});
/** A line of the workshop's log. */
export type WorkshopEvent = z.infer<typeof workshopEventSchema>;

/**
 * The facilitator's overview of one workshop (`GET /api/workshops/:id`, the
 * answer to every action on it, and the `overview` event of its stream):
 * the workshop, every participant with their table, every table.
 */
export const overviewSchema = z.object({
  workshop: workshopInfoSchema,
  participants: z.array(participantLineSchema.extend({ tableId: z.string().nullable() })),
  tables: z.array(overviewTableSchema),
  /** The workshop's log, oldest first (absent from servers before it). */
  events: z.array(workshopEventSchema).optional(),
});
/** The facilitator's overview of one workshop. */
export type Overview = z.infer<typeof overviewSchema>;

/** `POST /api/join`: the participant's secret token (kept by their browser) and the workshop. */
export const joinedSchema = z.object({
  token: z.string(),
  participantId: z.string(),
  workshop: z.object({ title: z.string(), lang: z.enum(LANGS) }),
});
/** `POST /api/join`. */
export type Joined = z.infer<typeof joinedSchema>;

/**
 * What a participant who arrives after the tables started may choose
 * (`POST /api/lobby/seat`): a seat bot `bot` plays at open table `table` (its
 * id; `number` and the humans there, `players`, to show), or, always, a new
 * table of their own.
 */
export const lateOfferSchema = z.object({
  seats: z.array(
    z.object({ table: z.string(), number: z.number().int(), bot: z.string(), players: z.array(z.string()) }),
  ),
});
/** What a late participant may choose. */
export type LateOffer = z.infer<typeof lateOfferSchema>;

/**
 * A participant's lobby (`GET /api/lobby` and the `lobby` event of their
 * stream): the workshop, who they are, who else is here (names only), who
 * sits at their table, and their table once there is one; for someone who
 * arrives after the tables started, what they may choose (`late`).
 */
export const lobbySchema = z.object({
  workshop: z.object({
    title: z.string(),
    lang: z.enum(LANGS),
    status: z.enum(WORKSHOP_STATUSES),
    message: z.string(),
    game: z.enum(GAMES),
  }),
  participant: z.object({ id: z.string(), name: z.string() }),
  present: z.array(z.string()),
  tablemates: z.array(z.string()),
  table: z.object({ number: z.number().int(), status: z.enum(TABLE_STATUSES), roomId: z.string() }).nullable(),
  late: lateOfferSchema.nullable().optional(),
});
/** A participant's lobby. */
export type Lobby = z.infer<typeof lobbySchema>;

/** `POST /api/lobby/ticket`: a short-lived ticket that opens the participant's lobby stream (read-only). */
export const lobbyTicketSchema = z.object({
  ticket: z.string(),
  /** ISO-8601: a stream must be opened (or reopened) with the ticket before then. */
  expiresAt: z.string(),
});
/** `POST /api/lobby/ticket`. */
export type LobbyTicket = z.infer<typeof lobbyTicketSchema>;

/** `POST /api/planner/report.pdf` refused: what is wrong with the report (status 400). */
export const plannerReportErrorSchema = z.object({ error: z.string() });
/** `POST /api/planner/report.pdf` refused. */
export type PlannerReportError = z.infer<typeof plannerReportErrorSchema>;
