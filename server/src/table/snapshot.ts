import { z } from "zod";
import { LANGS } from "@iot/shared/protocol";

const seatSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  seat: z.number().int().min(0),
  isBot: z.boolean(),
  connected: z.boolean(),
  lang: z.enum(LANGS),
  role: z.string(),
  regionPhase: z.string(),
});

/**
 * What a table saves: plain JSON, enough to bring it back after a restart.
 * The envelope is checked here; `state` is the game's own state, checked by
 * the game's state schema (`parseTableSnapshot`'s `state` argument).
 */
export const tableSnapshotSchema = z.object({
  version: z.literal(2),
  game: z.string(),
  state: z.unknown(),
  seats: z.array(seatSchema),
  setup: z.object({
    options: z.unknown(),
    seats: z.number().int().min(1),
    bots: z.number().int().min(0),
    turnSeconds: z.number().min(0),
  }),
  paused: z.boolean(),
  notice: z.string(),
});
export type TableSnapshot = z.infer<typeof tableSnapshotSchema>;

/** What a workshop table saves on every change: the table and which participant holds which seat. */
export const workshopSnapshotSchema = z.object({
  table: tableSnapshotSchema,
  /** Seat (player id) to participant id. */
  participants: z.record(z.string(), z.string()),
});
export type WorkshopSnapshot = z.infer<typeof workshopSnapshotSchema>;

/**
 * Reads a stored workshop snapshot of game `game` whose state passes
 * `state`; null when it is not one this version can restore (malformed JSON,
 * another game, a state that does not parse).
 */
export function parseWorkshopSnapshot(json: string, game: string, state: z.ZodType): WorkshopSnapshot | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = workshopSnapshotSchema.safeParse(raw);
  if (!parsed.success || parsed.data.table.game !== game) return null;
  const s = state.safeParse(parsed.data.table.state);
  if (!s.success) return null;
  return { ...parsed.data, table: { ...parsed.data.table, state: s.data } };
}
