/**
 * The facilitator completes a missing pick of a table's action plan in the
 * debrief: `PUT /api/workshops/:id/tables/:tableId/picks/:theme` with
 * {@link completePickSchema}, answered with {@link completedPickSchema}.
 */
import { z } from "zod";
import { MAX_NOTE_LENGTH } from "../protocol.js";
import { cardSchema } from "../quartet/eventSchema.js";
import { cleanText } from "../text.js";
import { debriefPickSchema } from "./debrief.js";

/** The body: a card of the quartet's theme and an optional note (plain text, cleaned with `cleanText`, at most 280 characters). */
export const completePickSchema = z
  .object({
    card: cardSchema,
    note: z.string().transform(cleanText).pipe(z.string().max(MAX_NOTE_LENGTH)).optional(),
  })
  .strict();
/** The body of a completed pick. */
export type CompletePick = z.infer<typeof completePickSchema>;

/** The answer: the pick as the debrief now shows it. */
export const completedPickSchema = z.object({ pick: debriefPickSchema });
