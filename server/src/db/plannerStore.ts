import { randomUUID } from "node:crypto";
import type { Db } from "./database.js";
import type { PlannerProfileRow, PlannerRoundRow } from "./schema.js";

const now = () => new Date().toISOString();

/** A round result as the room hands it over (the reference plan's figures may be left out: null). */
export type NewPlannerRound = Omit<
  PlannerRoundRow,
  "id" | "table_id" | "created_at" | "reference_cost" | "reference_co2_kg" | "reference_score"
> &
  Partial<Pick<PlannerRoundRow, "reference_cost" | "reference_co2_kg" | "reference_score">>;
/** A profile as the room hands it over. */
export type NewPlannerProfile = Omit<PlannerProfileRow, "id" | "table_id" | "updated_at">;

/**
 * Planner tables' results: every round's KPIs per planner and the competence
 * profiles. Writes replace what was stored for the same table, round and seat,
 * so saving a round again (after a restart) never doubles it.
 */
export class PlannerResultsStore {
  constructor(private readonly db: Db) {}

  /** Stores (replaces) the results of one round of a table. */
  async saveRound(tableId: string, round: number, rows: readonly NewPlannerRound[]): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("planner_rounds").where("table_id", "=", tableId).where("round", "=", round).execute();
      if (rows.length === 0) return;
      const created_at = now();
      await tx
        .insertInto("planner_rounds")
        .values(rows.map((r) => ({ ...r, id: randomUUID(), table_id: tableId, created_at })))
        .execute();
    });
  }

  /**
   * Stores (replaces) a table's competence profiles; with `finished` the
   * table is marked finished in the same transaction.
   */
  async saveProfiles(tableId: string, rows: readonly NewPlannerProfile[], finished: boolean): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("planner_profiles").where("table_id", "=", tableId).execute();
      const updated_at = now();
      if (rows.length > 0) {
        await tx
          .insertInto("planner_profiles")
          .values(rows.map((r) => ({ ...r, id: randomUUID(), table_id: tableId, updated_at })))
          .execute();
      }
      if (finished) {
        await tx
          .updateTable("workshop_tables")
          .set({ status: "finished", finished_at: updated_at })
          .where("id", "=", tableId)
          .execute();
      }
    });
  }

  /** A table's round results, by round and seat. */
  async rounds(tableId: string): Promise<PlannerRoundRow[]> {
    return this.db
      .selectFrom("planner_rounds")
      .selectAll()
      .where("table_id", "=", tableId)
      .orderBy("round")
      .orderBy("seat")
      .execute();
  }

  /** A table's competence profiles, by seat. */
  async profiles(tableId: string): Promise<PlannerProfileRow[]> {
    return this.db.selectFrom("planner_profiles").selectAll().where("table_id", "=", tableId).orderBy("seat").execute();
  }
}
