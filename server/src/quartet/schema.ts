import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * The quartet room's synchronised state. Field names follow the public
 * contract (../shared/docs/protocol.md); the project's additions are listed in
 * docs/protocol-additions.md. `hand` is view-filtered: only the owner's
 * StateView receives it.
 */
export const PlayerSchema = schema(
  {
    name: t.string(),
    seat: t.uint8(),
    isBot: t.boolean(),
    connected: t.boolean(),
    handCount: t.uint8(),
    quartets: t.array("string"),
    hand: t.array("string").view(),
    out: t.boolean(),
    role: t.string(),
    regionPhase: t.string(),
  },
  "Player",
);
export type PlayerSchema = SchemaType<typeof PlayerSchema>;

/** One line of the final ranking. */
export const RankSchema = schema(
  { player: t.string(), name: t.string(), place: t.uint8(), quartets: t.uint8() },
  "Rank",
);
export type RankSchema = SchemaType<typeof RankSchema>;

/** One pick of the table's regional action plan. */
export const PickSchema = schema(
  {
    player: t.string(),
    name: t.string(),
    theme: t.string(),
    card: t.string(),
    note: t.string(),
    role: t.string(),
    phase: t.string(),
  },
  "Pick",
);
export type PickSchema = SchemaType<typeof PickSchema>;

/** House rules of the table, as the rules engine uses them. */
export const RulesSchema = schema(
  { missPassesTo: t.string(), allowBluff: t.boolean(), stockHandSize: t.uint8(), emptyHand: t.string() },
  "Rules",
);
export type RulesSchema = SchemaType<typeof RulesSchema>;

export const QuartetStateSchema = schema(
  {
    phase: t.string().default("waiting"),
    turn: t.string().default(""),
    players: t.map(PlayerSchema),
    host: t.string().default(""),
    seats: t.uint8(),
    botLevel: t.string(),
    rules: t.ref(RulesSchema),
    stockCount: t.uint8().default(0),
    asks: t.uint16().default(0),
    turnDeadline: t.float64().default(0),
    paused: t.boolean().default(false),
    notice: t.string().default(""),
    ranking: t.array(RankSchema),
    plan: t.array(PickSchema),
  },
  "QuartetState",
);
export type QuartetStateSchema = SchemaType<typeof QuartetStateSchema>;
