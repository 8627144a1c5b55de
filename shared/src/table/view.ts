import { z } from "zod";

/** What every seat knows of each seat at the table. */
export const seatPublicSchema = z.object({
  id: z.string(),
  name: z.string(),
  seat: z.number().int().min(0),
  isBot: z.boolean(),
  connected: z.boolean(),
  role: z.string(),
  regionPhase: z.string(),
});
export type SeatPublic = z.infer<typeof seatPublicSchema>;

/**
 * What one seat's client receives of its table, whatever the game: the
 * table's seats and host state, and the game's own `view(state, seat)`
 * (null before the start). The host sends it whole when the client joins or
 * comes back and as JSON patches (RFC 6902) after every change; the client
 * validates it with {@link tableViewSchema} and the game's view schema.
 */
export function tableViewSchema<V extends z.ZodType>(game: V) {
  return z.object({
    /** This client's player id. */
    me: z.string(),
    /** The player who may start the table ("" when the facilitator runs it). */
    host: z.string(),
    paused: z.boolean(),
    notice: z.string(),
    /** Epoch ms when the turn timer runs out; 0 when none runs. */
    turnDeadline: z.number(),
    seats: z.array(seatPublicSchema),
    game: game.nullable(),
  });
}

/** A table view with the game's view type `V`. */
export interface TableView<V> {
  me: string;
  host: string;
  paused: boolean;
  notice: string;
  turnDeadline: number;
  seats: SeatPublic[];
  game: V | null;
}

/** One JSON patch operation as the host sends them (fast-json-patch's `compare`: add, remove, replace). */
export const patchOperationSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add"), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal("replace"), path: z.string(), value: z.unknown() }),
  z.object({ op: z.literal("remove"), path: z.string() }),
]);

/**
 * The `view` message: the whole view (`full`, on join and reconnect) or the
 * operations that turn view `seq - 1` into view `seq`. A client that misses a
 * step (a `seq` it does not expect) asks for the whole view with `resync`.
 */
export const viewMessageSchema = z.union([
  z.object({ seq: z.number().int().min(0), full: z.unknown() }),
  z.object({ seq: z.number().int().min(1), ops: z.array(patchOperationSchema) }),
]);
export type ViewMessage = z.infer<typeof viewMessageSchema>;

/** Message types of the view route. */
export const VIEW_MESSAGE = "view";
export const RESYNC_MESSAGE = "resync";
