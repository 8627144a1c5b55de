/**
 * Participants who arrive after the tables started: their lobby offers them
 * the seats bots play at the open tables, or a table of their own with bots
 * in the other seats; where they went is a line in the workshop's log.
 */
import type { LateOffer, WorkshopEvent } from "@iot/shared/workshop/api";
import { WorkshopEventStore } from "../db/eventStore.js";
import type { ParticipantRow, TableRow, WorkshopEventRow, WorkshopRow } from "../db/schema.js";
import type { WorkshopStore } from "../db/store.js";
import { callTable } from "../table/control.js";
import { ApiError } from "./errors.js";

/** What a late joiner chose: the seat a bot plays at table `table` (its id), or a new table (none given). */
export interface LateChoice {
  table?: string | undefined;
}

/** How a late joiner is seated: through the store, the tables' rooms and the service's way of opening a table. */
export class LateJoiners {
  readonly log: WorkshopEventStore;

  constructor(
    private readonly store: WorkshopStore,
    /** Opens a forming table's room for the participants seated at it (the service's `openTable`). */
    private readonly open: (workshop: WorkshopRow, table: TableRow) => Promise<void>,
  ) {
    this.log = new WorkshopEventStore(store.db);
  }

  /**
   * Whether `participant` is late: the workshop is running and they have no
   * table (never given one, or sent back to the lobby because their table
   * started without them).
   */
  isLate(workshop: WorkshopRow, participant: ParticipantRow): boolean {
    return workshop.status === "running" && !participant.table_id;
  }

  /** What a late participant's lobby offers: every seat a bot plays at an open table (null when they are not late). */
  async offer(workshop: WorkshopRow, participant: ParticipantRow): Promise<LateOffer | null> {
    if (!this.isLate(workshop, participant)) return null;
    const [tables, everyone] = await Promise.all([
      this.store.tables(workshop.id),
      this.store.participants(workshop.id),
    ]);
    const seats: LateOffer["seats"] = [];
    for (const t of tables) {
      if (t.status !== "playing" || !t.room_id) continue;
      const vacant = (await callTable(t.room_id, { kind: "vacant" })) ?? [];
      const players = everyone.filter((p) => p.table_id === t.id).map((p) => p.name);
      for (const v of vacant) seats.push({ table: t.id, number: t.number, bot: v.name, players });
    }
    return { seats };
  }

  /**
   * Seats a late participant as they chose: the first seat a bot plays at
   * table `choice.table` is promised to them (their lobby then takes them
   * there and the seat is handed over, hand and score kept), or a new table
   * is opened for them, its other seats bots, started as soon as they join.
   * NOT_LATE when they are not late; NOT_FOUND for a table that is not open
   * in their workshop; TABLE_TOO_SMALL when its bots' seats are all taken.
   */
  async seat(workshop: WorkshopRow, participant: ParticipantRow, choice: LateChoice): Promise<WorkshopEventRow> {
    if (!this.isLate(workshop, participant)) throw new ApiError("NOT_LATE");
    if (choice.table !== undefined) {
      const table = await this.store.table(choice.table);
      if (!table || table.workshop_id !== workshop.id || table.status !== "playing" || !table.room_id)
        throw new ApiError("NOT_FOUND");
      const claimed = await callTable(table.room_id, { kind: "claim", participant: participant.id });
      if (!claimed) throw new ApiError("TABLE_TOO_SMALL");
      await this.store.seatParticipant(participant.id, table.id);
      return this.log.add({
        workshop_id: workshop.id,
        kind: "seat-taken",
        participant_id: participant.id,
        name: participant.name,
        table_number: table.number,
        detail: claimed.name,
      });
    }
    const tables = await this.store.tables(workshop.id);
    const table = await this.store.addTable(workshop.id, Math.max(0, ...tables.map((t) => t.number)) + 1);
    await this.store.seatParticipant(participant.id, table.id);
    await this.open(workshop, table);
    return this.log.add({
      workshop_id: workshop.id,
      kind: "new-table",
      participant_id: participant.id,
      name: participant.name,
      table_number: table.number,
      detail: "",
    });
  }

  /** The workshop's log for its overview, oldest first. */
  async events(workshopId: string): Promise<WorkshopEvent[]> {
    return (await this.log.of(workshopId)).map((e) => ({
      at: e.at,
      kind: e.kind === "new-table" ? "new-table" : "seat-taken",
      name: e.name,
      table: e.table_number,
      bot: e.detail,
    }));
  }
}
