import { randomUUID } from "node:crypto";
import type { Db } from "./database.js";
import type { WorkshopEventRow } from "./schema.js";

/** A workshop's log (`workshop_events`): written as it happens, read oldest first. */
export class WorkshopEventStore {
  constructor(private readonly db: Db) {}

  /** Adds a line, stamped now. */
  async add(e: Omit<WorkshopEventRow, "id" | "at">): Promise<WorkshopEventRow> {
    const row: WorkshopEventRow = { ...e, id: randomUUID(), at: new Date().toISOString() };
    await this.db.insertInto("workshop_events").values(row).execute();
    return row;
  }

  /** The workshop's log, oldest first. */
  async of(workshopId: string): Promise<WorkshopEventRow[]> {
    return this.db
      .selectFrom("workshop_events")
      .selectAll()
      .where("workshop_id", "=", workshopId)
      .orderBy("at")
      .orderBy("id")
      .execute();
  }
}
