import type { WorkshopStore } from "../db/store.js";
import type { WorkshopRow } from "../db/schema.js";

/** A participant as the reports list them: name, role, region phase and the number of their table (null: not seated). */
export interface ReportParticipant {
  id: string;
  name: string;
  role: string;
  phase: string;
  table: number | null;
}

/**
 * What the reports print beyond the debrief: the workshop's date (when it
 * ended, else when it was created; ISO 8601), its facilitator
 * (their e-mail address, the only name the database has) and every
 * participant with their table.
 */
export interface ReportContext {
  date: string;
  facilitator: string;
  participants: ReportParticipant[];
}

/** Reads the {@link ReportContext} of workshop `w` from the database. */
export async function reportContext(store: WorkshopStore, w: WorkshopRow): Promise<ReportContext> {
  const [facilitator, participants, tables] = await Promise.all([
    store.db.selectFrom("facilitators").select("email").where("id", "=", w.facilitator_id).executeTakeFirst(),
    store.participants(w.id),
    store.tables(w.id),
  ]);
  const numbers = new Map(tables.map((t) => [t.id, t.number]));
  return {
    date: w.ended_at ?? w.created_at,
    facilitator: facilitator?.email ?? "",
    participants: participants.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      phase: p.region_phase,
      table: p.table_id === null ? null : (numbers.get(p.table_id) ?? null),
    })),
  };
}
