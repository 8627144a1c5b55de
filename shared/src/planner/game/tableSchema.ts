import { z } from "zod";
import type { PlannerTable } from "./definition.js";

const id = z.string().min(1);
const plan = z.object({ routes: z.array(z.object({ vehicle: id, orders: z.array(id) })) });
const scenario = z
  .object({
    dayStart: z.number(),
    orders: z.array(z.object({ id }).loose()),
    fleet: z.array(z.object({ id }).loose()),
    disruptions: z.array(z.object({ kind: z.string() }).loose()),
  })
  .loose();
const carrier = z
  .object({
    index: z.number().int().min(0),
    scenario,
    plan,
    revealed: z.array(id),
    unavailable: z.array(id),
    applied: z.number().int().min(0),
    locked: z.array(id),
    holds: z.record(z.string(), z.array(z.unknown())),
    proposal: plan.nullable(),
    proposalSituation: z.string().nullable().default(null),
    planLocks: z.object({ round: z.number().int(), routes: z.array(id), stops: z.array(id) }).optional(),
    usage: z.object({ asked: z.array(z.number()), accepted: z.array(z.number()) }).loose(),
  })
  .loose();

/**
 * A planner table's state as a snapshot stores it ({@link PlannerTable}):
 * the game's structure is checked down to each carrier's day, plan and
 * usage (the generated scenario's details are the game's own), every player
 * has a carrier, and the timers are numbers.
 */
export const plannerTableSchema = z.object({
  game: z
    .object({
      version: z.literal(1),
      seed: z.number().int(),
      difficulty: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      phase: z.enum(["waiting", "round", "review", "finished"]),
      round: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      players: z.array(id).min(1).max(8),
      names: z.record(z.string(), z.string()),
      carriers: z.record(z.string(), carrier),
      clock: z.number(),
      offers: z.array(z.object({ id, from: id, order: id, status: z.enum(["open", "taken", "withdrawn"]) }).loose()),
      nextOffer: z.number().int().min(1),
      exchanges: z.array(z.object({ offer: id }).loose()),
      results: z.array(z.object({ round: z.number().int(), player: id, score: z.number() }).loose()),
    })
    .refine((g) => g.players.every((p) => Object.hasOwn(g.carriers, p)), "every player has a carrier"),
  roundEndsAt: z.number().min(0),
  roundLeftMs: z.number().min(0),
  tickAt: z.number().min(0),
  roundSeconds: z.number().min(0),
}) as unknown as z.ZodType<PlannerTable>;
