/**
 * The workshop's priorities: cards of its combined action plan that the
 * facilitator marks, each with an owner and a next step
 * (`PUT /api/workshops/:id/priorities`; read back in the debrief).
 */
import { isCardId } from "@iot/shared/quartet/cardIds";
import { prioritiesInputSchema, type Priority } from "@iot/shared/workshop/debrief";
import type { Db } from "../db/database.js";
import type { WorkshopRow } from "../db/schema.js";
import type { WorkshopStore } from "../db/store.js";
import { ApiError } from "./errors.js";

/** The stored priorities of workshop `workshopId`, in the facilitator's order (rows of unknown cards left out). */
export async function readPriorities(db: Db, workshopId: string): Promise<Priority[]> {
  const rows = await db
    .selectFrom("workshop_priorities")
    .selectAll()
    .where("workshop_id", "=", workshopId)
    .orderBy("position")
    .execute();
  return rows.flatMap((r) => (isCardId(r.card) ? [{ cardId: r.card, owner: r.owner, nextStep: r.next_step }] : []));
}

/** The cards some table of workshop `w` picked for its plan. */
async function pickedCards(store: WorkshopStore, w: WorkshopRow): Promise<Set<string>> {
  const cards = new Set<string>();
  for (const t of await store.tables(w.id)) for (const p of await store.picks(t.id)) cards.add(p.card);
  return cards;
}

/**
 * Replaces the priorities of workshop `w` (its owner checked by the caller)
 * with the list in `body` ({@link prioritiesInputSchema}: at most one entry
 * per card, owner and next step cleaned and length-limited); returns the
 * list as stored. BAD_REQUEST for a body that does not fit, NOT_IN_PLAN for
 * a card no table picked.
 */
export async function savePriorities(
  store: WorkshopStore,
  w: WorkshopRow,
  body: unknown,
): Promise<{ priorities: Priority[] }> {
  const parsed = prioritiesInputSchema.safeParse(body ?? {});
  if (!parsed.success) throw new ApiError("BAD_REQUEST");
  const list = parsed.data.priorities;
  const picked = await pickedCards(store, w);
  if (list.some((p) => !picked.has(p.cardId))) throw new ApiError("NOT_IN_PLAN");
  const updated_at = new Date().toISOString();
  await store.db.transaction().execute(async (tx) => {
    await tx.deleteFrom("workshop_priorities").where("workshop_id", "=", w.id).execute();
    if (list.length === 0) return;
    await tx
      .insertInto("workshop_priorities")
      .values(
        list.map((p, position) => ({
          workshop_id: w.id,
          card: p.cardId,
          position,
          owner: p.owner,
          next_step: p.nextStep,
          updated_at,
        })),
      )
      .execute();
  });
  return { priorities: await readPriorities(store.db, w.id) };
}
