/**
 * A quartet table for friends (docs/protocol-additions.md, "Friends'
 * tables"): the room name, and the one message it adds to the quartet's,
 * `again` (client: no payload, after the end; server: the new table's code).
 */
import { z } from "zod";

/** Room name of a friends' table; its room id is its 6-character join code. */
export const FRIENDS_ROOM = "quartet-friends";

/** The message a player sends to play again, and the one every client then gets with the new table's code. */
export const AGAIN_MESSAGE = "again";

/** `again` from the server: the join code of the table the group plays again at. */
export const againSchema = z.object({ code: z.string().min(1).max(16) });
export type AgainPayload = z.infer<typeof againSchema>;
