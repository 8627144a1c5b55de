import { randomUUID } from "node:crypto";
import type { Db } from "./database.js";
import { PlannerResultsStore } from "./plannerStore.js";
import type { FacilitatorRow, ParticipantRow, PickRow, ResultRow, TableRow, WorkshopRow } from "./schema.js";

const now = () => new Date().toISOString();

/** A new workshop as the facilitator describes it (`difficulty` defaults to 2, `round_minutes` to 0). */
export type NewWorkshop = Pick<
  WorkshopRow,
  "facilitator_id" | "code" | "title" | "lang" | "game" | "table_size" | "bot_level" | "turn_seconds" | "rules"
> &
  Partial<Pick<WorkshopRow, "difficulty" | "round_minutes">>;

/** What a workshop holds: participants, tables, and tables with results (their game finished). */
export interface WorkshopCounts {
  participants: number;
  tables: number;
  results: number;
}

/** The workshop data layer: every write happens as it happens, so a restart loses nothing. */
export class WorkshopStore {
  /** Planner tables' round results and competence profiles. */
  readonly planner: PlannerResultsStore;

  constructor(readonly db: Db) {
    this.planner = new PlannerResultsStore(db);
  }

  /**
   * A secret shared by every server process on this database, made on first
   * use: `candidate` is stored unless another process stored one first.
   */
  async secret(name: string, candidate: string): Promise<string> {
    const existing = await this.db
      .selectFrom("server_secrets")
      .select("value")
      .where("name", "=", name)
      .executeTakeFirst();
    if (existing) return existing.value;
    await this.db
      .insertInto("server_secrets")
      .values({ name, value: candidate })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const stored = await this.db
      .selectFrom("server_secrets")
      .select("value")
      .where("name", "=", name)
      .executeTakeFirstOrThrow();
    return stored.value;
  }

  async addFacilitator(email: string, passwordHash: string): Promise<FacilitatorRow> {
    const row: FacilitatorRow = {
      id: randomUUID(),
      email: email.toLowerCase(),
      password_hash: passwordHash,
      created_at: now(),
    };
    await this.db.insertInto("facilitators").values(row).execute();
    return row;
  }

  async facilitatorByEmail(email: string): Promise<FacilitatorRow | undefined> {
    return this.db.selectFrom("facilitators").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
  }

  async addSession(id: string, facilitatorId: string, expiresAt: Date): Promise<void> {
    await this.db
      .insertInto("auth_sessions")
      .values({ id, facilitator_id: facilitatorId, expires_at: expiresAt.toISOString() })
      .execute();
  }

  /** The facilitator of a live session, or undefined when it is unknown or expired. */
  async sessionFacilitator(id: string): Promise<FacilitatorRow | undefined> {
    return this.db
      .selectFrom("auth_sessions")
      .innerJoin("facilitators", "facilitators.id", "auth_sessions.facilitator_id")
      .selectAll("facilitators")
      .where("auth_sessions.id", "=", id)
      .where("auth_sessions.expires_at", ">", now())
      .executeTakeFirst();
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom("auth_sessions").where("id", "=", id).execute();
  }

  async addWorkshop(w: NewWorkshop): Promise<WorkshopRow> {
    const row: WorkshopRow = {
      ...w,
      difficulty: w.difficulty ?? 2,
      round_minutes: w.round_minutes ?? 0,
      id: randomUUID(),
      status: "lobby",
      message: "",
      created_at: now(),
      ended_at: null,
      locked: 0,
      archived_at: null,
    };
    await this.db.insertInto("workshops").values(row).execute();
    return row;
  }

  async workshop(id: string): Promise<WorkshopRow | undefined> {
    return this.db.selectFrom("workshops").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async workshopByCode(code: string): Promise<WorkshopRow | undefined> {
    return this.db.selectFrom("workshops").selectAll().where("code", "=", code).executeTakeFirst();
  }

  /** A facilitator's workshops, newest first: the archived ones only with `archived`. */
  async workshopsOf(facilitatorId: string, archived = false): Promise<WorkshopRow[]> {
    return this.db
      .selectFrom("workshops")
      .selectAll()
      .where("facilitator_id", "=", facilitatorId)
      .where("archived_at", archived ? "is not" : "is", null)
      .orderBy("created_at", "desc")
      .execute();
  }

  async updateWorkshop(
    id: string,
    changes: Partial<Pick<WorkshopRow, "status" | "message" | "ended_at" | "title" | "locked" | "archived_at">>,
  ): Promise<void> {
    await this.db.updateTable("workshops").set(changes).where("id", "=", id).execute();
  }

  /** Per workshop of `ids`: its participants, its tables and its tables with results (finished games). */
  async workshopCounts(ids: readonly string[]): Promise<Map<string, WorkshopCounts>> {
    const counts = new Map<string, WorkshopCounts>(ids.map((id) => [id, { participants: 0, tables: 0, results: 0 }]));
    if (ids.length === 0) return counts;
    const [people, tables] = await Promise.all([
      this.db
        .selectFrom("participants")
        .select(["workshop_id", (eb) => eb.fn.countAll<number | string>().as("n")])
        .where("workshop_id", "in", ids)
        .groupBy("workshop_id")
        .execute(),
      this.db.selectFrom("workshop_tables").select(["workshop_id", "status"]).where("workshop_id", "in", ids).execute(),
    ]);
    for (const row of people) {
      const c = counts.get(row.workshop_id);
      if (c) c.participants = Number(row.n);
    }
    for (const t of tables) {
      const c = counts.get(t.workshop_id);
      if (!c) continue;
      c.tables++;
      if (t.status === "finished") c.results++;
    }
    return counts;
  }

  /** Deletes a workshop with everything it holds (tables, participants, results, picks, snapshots: by cascade). */
  async deleteWorkshop(id: string): Promise<void> {
    await this.db.deleteFrom("workshops").where("id", "=", id).execute();
  }

  /** Deletes a participant: their token no longer opens anything. */
  async deleteParticipant(id: string): Promise<void> {
    await this.db.deleteFrom("participants").where("id", "=", id).execute();
  }

  /**
   * Ends a running workshop by itself once none of its tables is forming or
   * playing any more (the last one finished or was ended) and at least one
   * finished. Returns the workshop's id when it ended it, else null.
   */
  async endWorkshopIfDone(workshopId: string): Promise<string | null> {
    return this.db.transaction().execute(async (tx) => {
      const w = await tx
        .selectFrom("workshops")
        .select(["id", "status"])
        .where("id", "=", workshopId)
        .executeTakeFirst();
      if (!w || w.status !== "running") return null;
      const tables = await tx.selectFrom("workshop_tables").select("status").where("workshop_id", "=", w.id).execute();
      const open = tables.some((t) => t.status === "forming" || t.status === "playing");
      if (open || !tables.some((t) => t.status === "finished")) return null;
      await tx
        .updateTable("workshops")
        .set({ status: "ended", ended_at: now() })
        .where("id", "=", w.id)
        .where("status", "=", "running")
        .execute();
      return w.id;
    });
  }

  async addParticipant(
    p: Pick<ParticipantRow, "workshop_id" | "token_hash" | "name" | "role" | "region_phase">,
  ): Promise<ParticipantRow> {
    const row: ParticipantRow = { ...p, id: randomUUID(), table_id: null, joined_at: now() };
    await this.db.insertInto("participants").values(row).execute();
    return row;
  }

  async participantByToken(tokenHash: string): Promise<ParticipantRow | undefined> {
    return this.db.selectFrom("participants").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
  }

  /** A participant by id (a lobby ticket names one). */
  async participant(id: string): Promise<ParticipantRow | undefined> {
    return this.db.selectFrom("participants").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async participants(workshopId: string): Promise<ParticipantRow[]> {
    return this.db
      .selectFrom("participants")
      .selectAll()
      .where("workshop_id", "=", workshopId)
      .orderBy("joined_at")
      .execute();
  }

  async seatParticipant(participantId: string, tableId: string | null): Promise<void> {
    await this.db.updateTable("participants").set({ table_id: tableId }).where("id", "=", participantId).execute();
  }

  async addTable(workshopId: string, number: number): Promise<TableRow> {
    const row: TableRow = {
      id: randomUUID(),
      workshop_id: workshopId,
      number,
      room_id: "",
      status: "forming",
      created_at: now(),
      finished_at: null,
    };
    await this.db.insertInto("workshop_tables").values(row).execute();
    return row;
  }

  async tables(workshopId: string): Promise<TableRow[]> {
    return this.db
      .selectFrom("workshop_tables")
      .selectAll()
      .where("workshop_id", "=", workshopId)
      .orderBy("number")
      .execute();
  }

  /** Every table that was playing, in any workshop (to restore after a restart). */
  async playingTables(): Promise<TableRow[]> {
    return this.db.selectFrom("workshop_tables").selectAll().where("status", "=", "playing").execute();
  }

  async table(id: string): Promise<TableRow | undefined> {
    return this.db.selectFrom("workshop_tables").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async updateTable(id: string, changes: Partial<Pick<TableRow, "room_id" | "status" | "finished_at">>): Promise<void> {
    await this.db.updateTable("workshop_tables").set(changes).where("id", "=", id).execute();
  }

  async deleteTable(id: string): Promise<void> {
    await this.db.deleteFrom("workshop_tables").where("id", "=", id).execute();
  }

  /** Stores a finished table's ranking and marks it finished, in one transaction. */
  async saveResults(tableId: string, rows: Omit<ResultRow, "id" | "table_id">[]): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("table_results").where("table_id", "=", tableId).execute();
      if (rows.length > 0) {
        await tx
          .insertInto("table_results")
          .values(rows.map((r) => ({ ...r, id: randomUUID(), table_id: tableId })))
          .execute();
      }
      await tx
        .updateTable("workshop_tables")
        .set({ status: "finished", finished_at: now() })
        .where("id", "=", tableId)
        .execute();
    });
  }

  /** Stores a pick; a table's quartet has one pick, so a new pick for the same theme replaces the old one. */
  async savePick(
    tableId: string,
    pick: Omit<PickRow, "id" | "table_id" | "created_at" | "completed_by"> & { completed_by?: string | null },
  ): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom("table_picks").where("table_id", "=", tableId).where("theme", "=", pick.theme).execute();
      await tx
        .insertInto("table_picks")
        .values({ ...pick, id: randomUUID(), table_id: tableId, created_at: now() })
        .execute();
    });
  }

  async results(tableId: string): Promise<ResultRow[]> {
    return this.db
      .selectFrom("table_results")
      .selectAll()
      .where("table_id", "=", tableId)
      .orderBy("place")
      .orderBy("player_name")
      .execute();
  }

  async picks(tableId: string): Promise<PickRow[]> {
    return this.db
      .selectFrom("table_picks")
      .selectAll()
      .where("table_id", "=", tableId)
      .orderBy("created_at")
      .execute();
  }

  /** Saves (replaces) a table's snapshot. */
  async saveSnapshot(tableId: string, snapshot: string): Promise<void> {
    const updated_at = now();
    await this.db
      .insertInto("table_snapshots")
      .values({ table_id: tableId, snapshot, updated_at })
      .onConflict((oc) => oc.column("table_id").doUpdateSet({ snapshot, updated_at }))
      .execute();
  }

  /** A table's last snapshot (JSON), if any. */
  async snapshot(tableId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom("table_snapshots")
      .select("snapshot")
      .where("table_id", "=", tableId)
      .executeTakeFirst();
    return row?.snapshot;
  }
}
