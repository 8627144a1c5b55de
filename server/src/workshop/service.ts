import { matchMaker } from "@colyseus/core";
import { balanceTables } from "@iot/shared/workshop/tables";
import {
  normaliseJoinCode,
  type Lobby,
  type LobbyTicket,
  type Overview,
  type TableSummary,
  type WorkshopInput,
} from "@iot/shared/workshop/api";
import type { WorkshopStore } from "../db/store.js";
import type { ParticipantRow, TableRow, WorkshopRow } from "../db/schema.js";
import { newToken, signTicket, tokenHash, verifyTicket } from "./auth.js";
import { newJoinCode } from "./codes.js";
import { callTable } from "../table/control.js";
import { parseWorkshopSnapshot, type WorkshopSnapshot } from "../table/snapshot.js";
import { ApiError } from "./errors.js";
import { publishChange } from "./events.js";
import { WORKSHOP_GAMES, workshopGame } from "./games.js";
import { endWorkshopIfDone, type WorkshopTableOptions } from "./seating.js";
import { LateJoiners, type LateChoice } from "./late.js";
import { freeName, nameTaken } from "./names.js";
import { lobbyOf, overviewParticipant, overviewTable, workshopInfo } from "./wire.js";

/** Room names of workshop tables (only the server creates them). */
export const WORKSHOP_ROOM = WORKSHOP_GAMES.quartet.room;
export const WORKSHOP_PLANNER_ROOM = WORKSHOP_GAMES.planner.room;
export { ApiError };

/** A lobby ticket opens a stream within this time (ms); an open stream lives on. */
export const LOBBY_TICKET_MS = 10 * 60_000;
const LOBBY_TICKET = "lobby-stream";

/** The workshop's orchestration: codes, joining, tables, starting, live control. Persistent state lives in the store. */
export class WorkshopService {
  constructor(
    readonly store: WorkshopStore,
    private readonly serverKey: string,
    private readonly startAfterMs = 30_000,
  ) {
    this.late = new LateJoiners(store, (workshop, table) => this.openTable(workshop, table));
  }

  /** Participants who arrive after the tables started, and the workshop's log of where they went. */
  readonly late: LateJoiners;

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

  /**
   * A participant joins with the code and a name; returns their secret token
   * (kept by their browser). NAME_TAKEN, with a free name as `suggestion`,
   * when someone in the workshop has that name already (compared case- and
   * accent-insensitive: "Zoë" is "zoe").
   */
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
    if (workshop.locked === 1) throw new ApiError("WORKSHOP_LOCKED");
    const taken = (await this.store.participants(workshop.id)).map((p) => p.name);
    if (nameTaken(name, taken)) throw new ApiError("NAME_TAKEN", undefined, { suggestion: freeName(name, taken) });
    const token = newToken();
    const participant = await this.store.addParticipant({
      workshop_id: workshop.id,
      token_hash: tokenHash(token),
      name,
      role,
      region_phase: phase,
    });
    this.changed(workshop.id);
    return { token, participant, workshop };
  }

  /** What a participant's lobby shows: the workshop, a message, and their table once it is open. */
  async lobby(token: string): Promise<Lobby> {
    return (await this.lobbyState(await this.participantOf(token))).lobby;
  }

  /**
   * A participant's lobby and the table it depends on (for the lobby's
   * stream, which follows that table too). UNAUTHORIZED when the participant
   * is unknown.
   */
  async lobbyState(participantId: string): Promise<{ lobby: Lobby; tableId: string | null; workshopId: string }> {
    const participant = await this.store.participant(participantId);
    if (!participant) throw new ApiError("UNAUTHORIZED");
    const workshop = await this.store.workshop(participant.workshop_id);
    if (!workshop) throw new ApiError("NOT_FOUND");
    const [table, everyone] = await Promise.all([
      participant.table_id ? this.store.table(participant.table_id) : undefined,
      this.store.participants(workshop.id),
    ]);
    const late = await this.late.offer(workshop, participant);
    return {
      lobby: { ...lobbyOf(workshop, participant, everyone, table), late },
      tableId: table?.id ?? null,
      workshopId: workshop.id,
    };
  }

  /**
   * A short-lived ticket that opens the participant's lobby stream (an
   * EventSource cannot send the bearer token): it names the participant,
   * is signed with the server key (every process accepts it) and only opens
   * a stream within {@link LOBBY_TICKET_MS}.
   */
  async lobbyTicket(token: string, now = Date.now()): Promise<LobbyTicket> {
    const participant = await this.participantOf(token);
    const expiresAt = now + LOBBY_TICKET_MS;
    return {
      ticket: signTicket(this.serverKey, LOBBY_TICKET, participant, expiresAt),
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  /** The participant a lobby ticket names; UNAUTHORIZED when it is forged or expired. */
  ticketHolder(ticket: string, now = Date.now()): string {
    const id = verifyTicket(this.serverKey, LOBBY_TICKET, ticket, now);
    if (!id) throw new ApiError("UNAUTHORIZED");
    return id;
  }

  /**
   * A participant who arrives after the tables started takes the seat a bot
   * plays at a table, or a new table of their own (see `LateJoiners.seat`);
   * the workshop's log and overview say where they went. Returns their lobby.
   */
  async seatLate(token: string, choice: LateChoice): Promise<Lobby> {
    const participant = await this.store.participant(await this.participantOf(token));
    const workshop = participant ? await this.store.workshop(participant.workshop_id) : undefined;
    if (!participant || !workshop) throw new ApiError("UNAUTHORIZED");
    await this.late.seat(workshop, participant, choice);
    this.changed(workshop.id);
    return this.lobby(token);
  }

  /** The id of the participant with `token`; UNAUTHORIZED when there is none. */
  private async participantOf(token: string): Promise<string> {
    const participant = await this.store.participantByToken(tokenHash(token));
    if (!participant) throw new ApiError("UNAUTHORIZED");
    return participant.id;
  }

  /** Every participant and table, with each open table's live summary. */
  async overview(workshop: WorkshopRow): Promise<Overview> {
    const [participants, tables] = await Promise.all([
      this.store.participants(workshop.id),
      this.store.tables(workshop.id),
    ]);
    const [live, events] = await Promise.all([
      Promise.all(tables.map((t) => this.summary(t))),
      this.late.events(workshop.id),
    ]);
    return {
      workshop: workshopInfo(workshop),
      participants: participants.map(overviewParticipant),
      tables: tables.map((t, i) => overviewTable(t, participants, live[i] ?? null)),
      events,
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
    this.changed(workshop.id);
  }

  /** Moves a participant to table `number` (a new table when it does not exist yet; 0 = back to the lobby). */
  async move(workshop: WorkshopRow, participantId: string, number: number): Promise<void> {
    const participants = await this.store.participants(workshop.id);
    const p = participants.find((x) => x.id === participantId);
    if (!p) throw new ApiError("NOT_FOUND");
    const tables = await this.store.tables(workshop.id);
    const from = tables.find((t) => t.id === p.table_id);
    if (from && from.status !== "forming") throw new ApiError("ALREADY_STARTED");
    if (number === 0) {
      await this.store.seatParticipant(p.id, null);
      return this.changed(workshop.id);
    }
    let to = tables.find((t) => t.number === number);
    if (to && to.status !== "forming") throw new ApiError("ALREADY_STARTED");
    if (to && participants.filter((x) => x.table_id === to?.id).length >= workshop.table_size) {
      throw new ApiError("TABLE_TOO_SMALL");
    }
    to ??= await this.store.addTable(workshop.id, number);
    await this.store.seatParticipant(p.id, to.id);
    this.changed(workshop.id);
  }

  /** Opens a forming table's room; its participants are taken there from their lobby. */
  async startTable(workshop: WorkshopRow, tableId: string): Promise<void> {
    const table = await this.store.table(tableId);
    if (!table || table.workshop_id !== workshop.id) throw new ApiError("NOT_FOUND");
    if (table.status !== "forming") throw new ApiError("ALREADY_STARTED");
    await this.openTable(workshop, table);
    if (workshop.status === "lobby") await this.store.updateWorkshop(workshop.id, { status: "running" });
    this.changed(workshop.id);
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
      const entry = workshopGame(workshop);
      const json = await this.store.snapshot(table.id);
      const saved = json
        ? parseWorkshopSnapshot(json, entry === WORKSHOP_GAMES.planner ? "planner" : "quartet", entry.stateSchema)
        : null;
      if (saved && entry.isFinished(saved.table.state)) {
        await entry.finish(this.store, table, saved);
        await endWorkshopIfDone(this.store, table.id);
        this.changed(workshop.id);
        continue;
      }
      await this.openTable(workshop, table, saved ?? undefined);
      this.changed(workshop.id);
      restored++;
    }
    return restored;
  }

  /** Opens a table's room for the participants seated at it (or from its snapshot) and records the room on the table. */
  private async openTable(workshop: WorkshopRow, table: TableRow, restore?: WorkshopSnapshot): Promise<void> {
    const entry = workshopGame(workshop);
    const seated = (await this.store.participants(workshop.id)).filter((p) => p.table_id === table.id);
    const options: WorkshopTableOptions = {
      serverKey: this.serverKey,
      tableId: table.id,
      game: entry.tableOptions(workshop, seated.length),
      participantIds: seated.map((p) => p.id),
      startAfterMs: this.startAfterMs,
      ...(restore ? { restore } : {}),
    };
    const room = await matchMaker.createRoom(entry.room, options);
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

  /** Pauses or resumes every open table. */
  async setPaused(workshop: WorkshopRow, paused: boolean): Promise<void> {
    await this.eachOpenRoom(workshop, (roomId) => callTable(roomId, { kind: "pause", paused }));
    this.changed(workshop.id);
  }

  /** A message to everyone: in the lobby and on every open table. */
  async message(workshop: WorkshopRow, text: string): Promise<void> {
    await this.store.updateWorkshop(workshop.id, { message: text });
    await this.eachOpenRoom(workshop, (roomId) => callTable(roomId, { kind: "notice", text }));
    this.changed(workshop.id);
  }

  /** Ends one table. */
  async endTable(workshop: WorkshopRow, tableId: string): Promise<void> {
    const table = await this.store.table(tableId);
    if (!table || table.workshop_id !== workshop.id) throw new ApiError("NOT_FOUND");
    if (table.room_id && table.status === "playing") await callTable(table.room_id, { kind: "end" });
    if (table.status !== "finished") await this.store.updateTable(table.id, { status: "ended" });
    this.changed(workshop.id);
  }

  /** Ends the workshop: every table closes and the join code stops working. */
  async end(workshop: WorkshopRow): Promise<void> {
    for (const t of await this.store.tables(workshop.id)) {
      if (t.status === "playing" || t.status === "forming") await this.endTable(workshop, t.id);
    }
    await this.store.updateWorkshop(workshop.id, { status: "ended", ended_at: new Date().toISOString() });
    this.changed(workshop.id);
  }

  /** Tells every process's streams of this workshop (the facilitator's overview, the lobbies) that it changed. */
  private changed(workshopId: string): void {
    publishChange({ workshop: workshopId });
  }

  private async summary(t: TableRow): Promise<TableSummary | null> {
    if (!t.room_id || t.status !== "playing") return null;
    return callTable(t.room_id, { kind: "summary" });
  }

  private async eachOpenRoom(workshop: WorkshopRow, call: (roomId: string) => Promise<unknown>): Promise<void> {
    for (const t of await this.store.tables(workshop.id)) {
      if (t.status === "playing" && t.room_id) await call(t.room_id).catch(() => undefined);
    }
  }
}
