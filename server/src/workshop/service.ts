import { matchMaker } from "@colyseus/core";
import { balanceTables } from "@iot/shared/workshop/tables";
import { normaliseJoinCode, type AdvanceAction, type TableSummary, type WorkshopInput } from "@iot/shared/workshop/api";
import type { WorkshopStore } from "../db/store.js";
import type { ParticipantRow, TableRow, WorkshopRow } from "../db/schema.js";
import { newToken, tokenHash } from "./auth.js";
import { newJoinCode } from "./codes.js";
import { parseWorkshopSnapshot } from "../quartet/snapshot.js";
import type { WorkshopTableOptions } from "./WorkshopRoom.js";
import { ApiError } from "./errors.js";
import type { AdvanceOutcome } from "./PlannerWorkshopRoom.js";
import {
  advancePlannerTable,
  advancePlannerTables,
  openPlannerRoom,
  recoverPlannerTable,
  WORKSHOP_PLANNER_ROOM,
} from "./plannerTables.js";

/** Room name of workshop quartet tables (only the server creates them). */
export const WORKSHOP_ROOM = "workshop-quartet";
export { ApiError, WORKSHOP_PLANNER_ROOM };

export interface TableView {
  id: string;
  number: number;
  status: string;
  roomId: string;
  participants: { id: string; name: string; role: string; phase: string }[];
  live: TableSummary | null;
}

/** The workshop's orchestration: codes, joining, tables, starting, live control. Persistent state lives in the store. */
export class WorkshopService {
  constructor(
    readonly store: WorkshopStore,
    private readonly serverKey: string,
    private readonly startAfterMs = 30_000,
  ) {}

  /** Creates a workshop with a fresh, unused join code. */
  async create(facilitatorId: string, input: WorkshopInput): Promise<WorkshopRow> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newJoinCode();
      if (await this.store.workshopByCode(code)) continue;
      return this.store.addWorkshop({
        facilitator_id: facilitatorId,
        code,
        title: input.title,
        lang: input.lang,
        game: input.game,
        table_size: input.tableSize,
        bot_level: input.botLevel,
        turn_seconds: input.turnSeconds,
        rules: JSON.stringify(input.rules),
        difficulty: input.difficulty,
        round_minutes: input.roundMinutes,
      });
    }
    throw new Error("no free join code found");
  }

  /** The workshop if `facilitatorId` owns it; NOT_FOUND or FORBIDDEN otherwise. */
  async owned(workshopId: string, facilitatorId: string): Promise<WorkshopRow> {
    const w = await this.store.workshop(workshopId);
    if (!w) throw new ApiError("NOT_FOUND");
    if (w.facilitator_id !== facilitatorId) throw new ApiError("FORBIDDEN");
    return w;
  }

  /** A participant joins with the code and a name; returns their secret token (kept by their browser). */
  async join(
    rawCode: string,
    name: string,
    role = "",
    phase = "",
  ): Promise<{ token: string; participant: ParticipantRow; workshop: WorkshopRow }> {
    const code = normaliseJoinCode(rawCode);
    const workshop = code ? await this.store.workshopByCode(code) : undefined;
    if (!workshop) throw new ApiError("UNKNOWN_CODE");
    if (workshop.status === "ended") throw new ApiError("WORKSHOP_ENDED");
    const token = newToken();
    const participant = await this.store.addParticipant({
      workshop_id: workshop.id,
      token_hash: tokenHash(token),
      name,
      role,
      region_phase: phase,
    });
    return { token, participant, workshop };
  }

  /** What a participant's lobby shows: the workshop, a message, and their table once it is open. */
  async lobby(token: string) {
    const participant = await this.store.participantByToken(tokenHash(token));
    if (!participant) throw new ApiError("UNAUTHORIZED");
    const workshop = await this.store.workshop(participant.workshop_id);
    if (!workshop) throw new ApiError("NOT_FOUND");
    const table = participant.table_id ? await this.store.table(participant.table_id) : undefined;
    const everyone = await this.store.participants(workshop.id);
    return {
      workshop: {
        title: workshop.title,
        lang: workshop.lang,
        status: workshop.status,
        message: workshop.message,
        game: workshop.game,
      },
      participant: { id: participant.id, name: participant.name },
      /** Who else is here (names only), and who sits at the same table. */
      present: everyone.map((p) => p.name),
      tablemates: table
        ? everyone.filter((p) => p.table_id === table.id && p.id !== participant.id).map((p) => p.name)
        : [],
      table: table ? { number: table.number, status: table.status, roomId: table.room_id } : null,
    };
  }

  /** Every participant and table, with each open table's live summary. */
  async overview(workshop: WorkshopRow) {
    const [participants, tables] = await Promise.all([
      this.store.participants(workshop.id),
      this.store.tables(workshop.id),
    ]);
    const views: TableView[] = [];
    for (const t of tables) {
      views.push({
        id: t.id,
        number: t.number,
        status: t.status,
        roomId: t.room_id,
        participants: participants
          .filter((p) => p.table_id === t.id)
          .map((p) => ({ id: p.id, name: p.name, role: p.role, phase: p.region_phase })),
        live: await this.summary(t),
      });
    }
    return {
      workshop,
      participants: participants.map((p) => ({
        id: p.id,
        name: p.name,
        role: p.role,
        phase: p.region_phase,
        tableId: p.table_id,
      })),
      tables: views,
    };
  }

  /** Forms tables again from everyone not yet playing: balanced, at most the workshop's table size. */
  async formTables(workshop: WorkshopRow): Promise<void> {
    const tables = await this.store.tables(workshop.id);
    const forming = tables.filter((t) => t.status === "forming");
    const busy = new Set(tables.filter((t) => t.status !== "forming").map((t) => t.id));
    const free = (await this.store.participants(workshop.id)).filter((p) => !p.table_id || !busy.has(p.table_id));
    for (const t of forming) await this.store.deleteTable(t.id);
    let number = Math.max(0, ...tables.filter((t) => busy.has(t.id)).map((t) => t.number));
    for (const group of balanceTables(free, workshop.table_size)) {
      const table = await this.store.addTable(workshop.id, ++number);
      for (const p of group) await this.store.seatParticipant(p.id, table.id);
    }
  }

  /** Moves a participant to table `number` (a new table when it does not exist yet; 0 = back to the lobby). */
  async move(workshop: WorkshopRow, participantId: string, number: number): Promise<void> {
    const participants = await this.store.participants(workshop.id);
    const p = participants.find((x) => x.id === participantId);
    if (!p) throw new ApiError("NOT_FOUND");
    const tables = await this.store.tables(workshop.id);
    const from = tables.find((t) => t.id === p.table_id);
    if (from && from.status !== "forming") throw new ApiError("ALREADY_STARTED");
    if (number === 0) return this.store.seatParticipant(p.id, null);
    let to = tables.find((t) => t.number === number);
    if (to && to.status !== "forming") throw new ApiError("ALREADY_STARTED");
    if (to && participants.filter((x) => x.table_id === to?.id).length >= workshop.table_size) {
      throw new ApiError("TABLE_TOO_SMALL");
    }
    to ??= await this.store.addTable(workshop.id, number);
    await this.store.seatParticipant(p.id, to.id);
  }

  /** Opens a forming table's room; its participants are taken there from their lobby. */
  async startTable(workshop: WorkshopRow, tableId: string): Promise<void> {
    const table = await this.store.table(tableId);
    if (!table || table.workshop_id !== workshop.id) throw new ApiError("NOT_FOUND");
    if (table.status !== "forming") throw new ApiError("ALREADY_STARTED");
    if (workshop.game === "planner")
      await openPlannerRoom(this.store, workshop, table, this.serverKey, this.startAfterMs);
    else await this.openRoom(workshop, table);
    if (workshop.status === "lobby") await this.store.updateWorkshop(workshop.id, { status: "running" });
  }

  /**
   * After a restart: every table that was playing and whose room is gone is
   * opened again, from its last snapshot when it has one (participants take
   * their seats and hands back from their lobby), else afresh. Returns how
   * many tables were restored.
   */
  async restoreTables(): Promise<number> {
    let restored = 0;
    for (const table of await this.store.playingTables()) {
      if (table.room_id && (await matchMaker.query({ roomId: table.room_id })).length > 0) continue;
      const workshop = await this.store.workshop(table.workshop_id);
      if (!workshop || workshop.status === "ended") continue;
      if (workshop.game === "planner") {
        const recovered = await recoverPlannerTable(this.store, table);
        if (recovered.kind === "done") continue;
        const saved = recovered.kind === "restore" ? recovered.snapshot : undefined;
        await openPlannerRoom(this.store, workshop, table, this.serverKey, this.startAfterMs, saved);
        restored++;
        continue;
      }
      const json = await this.store.snapshot(table.id);
      const saved = json ? parseWorkshopSnapshot(json) : null;
      if (saved && saved.table.game.phase !== "playing") continue;
      await this.openRoom(workshop, table, saved ?? undefined);
      restored++;
    }
    return restored;
  }

  private async openRoom(
    workshop: WorkshopRow,
    table: TableRow,
    restore?: WorkshopTableOptions["restore"],
  ): Promise<void> {
    const seated = (await this.store.participants(workshop.id)).filter((p) => p.table_id === table.id);
    const options: WorkshopTableOptions = {
      serverKey: this.serverKey,
      tableId: table.id,
      seats: workshop.table_size,
      botLevel: workshop.bot_level as WorkshopTableOptions["botLevel"],
      lang: workshop.lang === "en" ? "en" : "nl",
      turnSeconds: workshop.turn_seconds,
      rules: JSON.parse(workshop.rules) as WorkshopTableOptions["rules"],
      participantIds: seated.map((p) => p.id),
      startAfterMs: this.startAfterMs,
      ...(restore ? { restore } : {}),
    };
    const room = await matchMaker.createRoom(WORKSHOP_ROOM, options);
    await this.store.updateTable(table.id, { room_id: room.roomId, status: "playing" });
  }

  /** Opens every forming table that has someone seated. */
  async startAll(workshop: WorkshopRow): Promise<void> {
    const participants = await this.store.participants(workshop.id);
    for (const t of await this.store.tables(workshop.id)) {
      if (t.status === "forming" && participants.some((p) => p.table_id === t.id))
        await this.startTable(workshop, t.id);
    }
  }

  /** Moves one planner table on (see `advancePlannerTable`). */
  advance(workshop: WorkshopRow, tableId: string, action: AdvanceAction): Promise<AdvanceOutcome> {
    return advancePlannerTable(this.store, workshop, tableId, action);
  }

  /** Moves every open planner table on (see `advancePlannerTables`). */
  advanceAll(workshop: WorkshopRow, action: AdvanceAction): Promise<void> {
    return advancePlannerTables(this.store, workshop, action);
  }

  /** Pauses or resumes every open table. */
  async setPaused(workshop: WorkshopRow, paused: boolean): Promise<void> {
    await this.eachOpenRoom(workshop, (roomId) => matchMaker.remoteRoomCall(roomId, "setPaused", [paused]));
  }

  /** A message to everyone: in the lobby and on every open table. */
  async message(workshop: WorkshopRow, text: string): Promise<void> {
    await this.store.updateWorkshop(workshop.id, { message: text });
    await this.eachOpenRoom(workshop, (roomId) => matchMaker.remoteRoomCall(roomId, "notice", [text]));
  }

  /** Ends one table. */
  async endTable(workshop: WorkshopRow, tableId: string): Promise<void> {
    const table = await this.store.table(tableId);
    if (!table || table.workshop_id !== workshop.id) throw new ApiError("NOT_FOUND");
    if (table.room_id && table.status === "playing") await this.callRoom(table.room_id, "endTable");
    if (table.status !== "finished") await this.store.updateTable(table.id, { status: "ended" });
  }

  /** Ends the workshop: every table closes and the join code stops working. */
  async end(workshop: WorkshopRow): Promise<void> {
    for (const t of await this.store.tables(workshop.id)) {
      if (t.status === "playing" || t.status === "forming") await this.endTable(workshop, t.id);
    }
    await this.store.updateWorkshop(workshop.id, { status: "ended", ended_at: new Date().toISOString() });
  }

  private async summary(t: TableRow): Promise<TableSummary | null> {
    if (!t.room_id || t.status !== "playing") return null;
    return (await this.callRoom(t.room_id, "summary")) as TableSummary | null;
  }

  private async eachOpenRoom(workshop: WorkshopRow, call: (roomId: string) => Promise<unknown>): Promise<void> {
    for (const t of await this.store.tables(workshop.id)) {
      if (t.status === "playing" && t.room_id) await call(t.room_id).catch(() => undefined);
    }
  }

  /** Calls a room method; null when the room is gone (finished and closed, or lost in a restart). */
  private async callRoom(roomId: string, method: string, args: unknown[] = []): Promise<unknown> {
    try {
      return await matchMaker.remoteRoomCall(roomId, method, args);
    } catch {
      return null;
    }
  }
}
