/**
 * The planner room's protocol: room name, message names, payload types and
 * the runtime validation the room applies at its boundary. The message table
 * is in docs/planner-game.md.
 */
import { z } from "zod";
import { LANGS, MAX_NAME_LENGTH } from "../protocol.js";
import type { CompetenceProfile } from "./game/assessment.js";
import type { OfferPreview } from "./game/exchange.js";
import type { PlannerEvent, PlayerId, RoundResult } from "./game/types.js";
import { MAX_PLAN_STOPS, MAX_PLANNERS, PLANNER_REJECTION_CODES } from "./game/types.js";
import { COMPETENCES } from "./game/assessment.js";
import { viewMessageSchema } from "../table/view.js";
import { cleanText } from "../text.js";

/** The room name registered on the server. */
export const PLANNER_ROOM = "planner";

/** Messages a client sends to the planner room (the day's clock is the server's, never a client's). */
export const PlannerClientMessage = {
  start: "start",
  plan: "plan",
  assist: "assist",
  acceptProposal: "acceptProposal",
  lock: "lock",
  reveal: "reveal",
  offer: "offer",
  withdraw: "withdraw",
  preview: "preview",
  accept: "accept",
  next: "next",
} as const;
export type PlannerClientMessageType = (typeof PlannerClientMessage)[keyof typeof PlannerClientMessage];

/** Longest order, vehicle or offer id, in characters (generated ids are like `c8-rush-1`). */
export const MAX_ID_LENGTH = 32;
/** Most routes in a plan message (the largest generated fleet has about 15 vehicles). */
export const MAX_PLAN_ROUTES = 50;
/** Planners in a room when the creator does not say. */
export const DEFAULT_PLANNERS = 4;

const id = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/);

/** Display names: 1-24 characters after `cleanText`. */
const name = z.string().transform(cleanText).pipe(z.string().min(1).max(MAX_NAME_LENGTH));

/** Options of `client.create("planner", ...)` and `joinById` (unknown keys are ignored). */
export const plannerJoinSchema = z.object({
  name,
  lang: z.enum(LANGS).default("nl"),
  /** 15, 30, 45 or 60 orders per carrier. */
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).default(2),
  /** Seats in the region. */
  planners: z.number().int().min(1).max(MAX_PLANNERS).default(DEFAULT_PLANNERS),
});
export type PlannerJoinOptions = z.infer<typeof plannerJoinSchema>;

const empty = z.object({}).strict();

/**
 * A plan on the wire: at most {@link MAX_PLAN_ROUTES} routes of at most
 * {@link MAX_PLAN_STOPS} stops each; the rules refuse more than
 * {@link MAX_PLAN_STOPS} stops in all (TOO_MANY_STOPS).
 */
export const planSchema = z
  .object({
    routes: z.array(z.object({ vehicle: id, orders: z.array(id).max(MAX_PLAN_STOPS) }).strict()).max(MAX_PLAN_ROUTES),
  })
  .strict();

/**
 * `lock`: lock (`locked` true) or unlock one vehicle's route or one stop for
 * the assistant's "optimise the rest"; exactly one of `vehicle` and `order`.
 */
export const lockSchema = z.union([
  z.object({ vehicle: id, locked: z.boolean() }).strict(),
  z.object({ order: id, locked: z.boolean() }).strict(),
]);

/** Payload schemas of the client messages, by message name. */
export const plannerSchemas = {
  start: empty,
  plan: z.object({ plan: planSchema }).strict(),
  assist: empty,
  acceptProposal: empty,
  lock: lockSchema,
  reveal: z.object({ order: id }).strict(),
  offer: z.object({ order: id }).strict(),
  withdraw: z.object({ offer: id }).strict(),
  preview: z.object({ offer: id }).strict(),
  accept: z.object({ offer: id }).strict(),
  /** The host's (or facilitator's) step: end the round under way or start the next; `only` limits it to one of the two. */
  next: z.object({ only: z.enum(["end", "start"]).optional() }).strict(),
} as const satisfies Record<keyof typeof PlannerClientMessage, z.ZodType>;

/**
 * The assistant's plan for a round, as the server's solver pool gives it back
 * to the rules (never from a client), with the key of the situation it was
 * planned for (`situationKey` of the table the solver was given).
 */
export const proposalResultSchema = z
  .object({ round: z.number().int().min(1).max(4), plan: planSchema, situation: z.string() })
  .strict();

/** The parsed payload of each client message. */
export type PlannerPayloads = { [K in keyof typeof plannerSchemas]: z.infer<(typeof plannerSchemas)[K]> };

const delta = z.object({
  cost: z.number(),
  km: z.number(),
  co2Kg: z.number(),
  late: z.number(),
  minutesLate: z.number(),
  unplanned: z.number(),
  deliveries: z.number(),
});

/** `rejected`: why the last message was refused, in the planner's language. */
export const plannerRejectedSchema = z.object({ code: z.enum(PLANNER_REJECTION_CODES), message: z.string() });
/** `proposal`: the assistant's plan for the asking planner (not yet their plan). */
export const proposalSchema = z.object({ plan: planSchema });
/** `preview`: what taking an offer would change, for the asking planner. */
export const previewSchema = z.object({
  offer: z.string(),
  giver: delta,
  taker: delta,
  region: delta,
  placement: z.object({ vehicle: z.string(), index: z.number().int() }).nullable(),
}) satisfies z.ZodType<{ offer: string } & OfferPreview>;
/** `event`: one {@link PlannerEvent}; a `disruption` goes to its own carrier's planner only. */
export const plannerEventSchema = z.object({ type: z.string() }).loose() as unknown as z.ZodType<PlannerEvent>;
/** `results`: at the end, every round's results and the receiving planner's competence profile. */
export const resultsSchema = z.object({
  names: z.record(z.string(), z.string()),
  results: z.array(z.object({ round: z.number().int(), player: z.string(), score: z.number() }).loose()),
  // A competence that could not be shown is null ("n.v.t." / "n/a").
  profiles: z.record(
    z.string(),
    z.object(Object.fromEntries(COMPETENCES.map((c) => [c, z.number().int().min(0).max(100).nullable()]))),
  ),
}) as unknown as z.ZodType<{
  names: Record<PlayerId, string>;
  results: RoundResult[];
  profiles: Record<PlayerId, CompetenceProfile>;
}>;

/**
 * The planner's message table: every message a client may send and every
 * message the room sends, with its payload schema. The room's dispatch (the
 * moves of `game/definition.ts`), the payload types and the client's typed
 * senders come from here.
 */
export const plannerMessages = {
  client: plannerSchemas,
  server: {
    rejected: plannerRejectedSchema,
    proposal: proposalSchema,
    preview: previewSchema,
    event: plannerEventSchema,
    results: resultsSchema,
    view: viewMessageSchema,
  },
} as const;

/** The payload of each server message. */
export type PlannerServerPayloads = {
  [K in keyof typeof plannerMessages.server]: z.infer<(typeof plannerMessages.server)[K]>;
};
export type PlannerRejectedPayload = PlannerServerPayloads["rejected"];
export type ProposalPayload = PlannerServerPayloads["proposal"];
export type PreviewPayload = PlannerServerPayloads["preview"];
export type ResultsPayload = PlannerServerPayloads["results"];

/**
 * Validates the payload of client message `type`. Returns the parsed value,
 * or null for anything malformed (the room answers BAD_MESSAGE then). A
 * missing payload counts as `{}`.
 */
export function parsePlannerPayload<K extends keyof typeof plannerSchemas>(
  type: K,
  payload: unknown,
): PlannerPayloads[K] | null {
  const schema: z.ZodType<PlannerPayloads[K]> = plannerSchemas[type] as unknown as z.ZodType<PlannerPayloads[K]>;
  const result = schema.safeParse(payload ?? {});
  return result.success ? result.data : null;
}
