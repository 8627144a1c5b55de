import { ServerError, type Client } from "@colyseus/core";
import type { PlanPick } from "@iot/shared/quartet/actionPlan";
import type { QuartetState } from "@iot/shared/quartet/types";
import type { WorkshopStore } from "../db/store.js";
import type { QuartetConfig } from "../config.js";
import { QuartetRoom } from "../quartet/QuartetRoom.js";
import type { WorkshopSnapshot } from "../quartet/snapshot.js";
import type { ParticipantRow } from "../db/schema.js";
import { tokenHash } from "./auth.js";

/** Options only the server passes when it opens a workshop table. */
export interface WorkshopTableOptions {
  serverKey: string;
  tableId: string;
  seats: number;
  botLevel: "easy" | "medium" | "hard";
  lang: "nl" | "en";
  turnSeconds: number;
  rules: { missPassesTo?: "asked" | "next"; allowBluff?: boolean };
  /** Participants seated here, in seat order. */
  participantIds: string[];
  /** Start with bots for absentees after this long (ms). */
  startAfterMs: number;
  /** A table brought back after a restart: its last snapshot and which participant held which seat. */
  restore?: WorkshopSnapshot;
}

/** What a workshop table needs from the server around it. */
export interface WorkshopServices {
  store: WorkshopStore;
  /** Secret that proves a create came from this server, not from a client. */
  serverKey: string;
}

/**
 * A quartet table inside a workshop. Only the server opens it; only the
 * participants seated at it may join (with their participant token). It
 * starts itself when everyone is there, or after a grace time with bots for
 * whoever is missing, and writes every pick and the result to the database.
 */
export class WorkshopQuartetRoom extends QuartetRoom {
  services!: WorkshopServices;
  private tableId = "";
  private expected: string[] = [];
  private participantOf = new Map<string, ParticipantRow>();
  /** After a restore: seat (old player id) of each participant still to come back, and the timers that hand those seats to bots. */
  private awaited = new Map<string, { seat: string; timer: { clear(): void } }>();
  private saving = false;
  private dirty = false;

  override onCreate(raw: unknown): void {
    const o = raw as Partial<WorkshopTableOptions>;
    if (!o || o.serverKey !== this.services.serverKey || typeof o.tableId !== "string") {
      throw new ServerError(403, "workshop tables are opened by the facilitator");
    }
    this.tableId = o.tableId;
    this.expected = o.participantIds ?? [];
    super.onCreate({
      name: "table",
      seats: o.seats,
      bots: (o.seats ?? 4) - 1,
      botLevel: o.botLevel,
      lang: o.lang,
      rules: o.rules,
      turnSeconds: o.turnSeconds,
    });
    void this.setMetadata({ tableId: this.tableId });
    // The table lives until its game ends (then it closes after the linger), even while nobody is connected.
    this.autoDispose = false;
    if (o.restore) {
      this.restoreTable(o.restore.table);
      for (const [seat, participantId] of Object.entries(o.restore.participants)) {
        if (this.seatsInfo.get(seat)?.isBot !== false) continue;
        const timer = this.clock.setTimeout(() => {
          this.awaited.delete(participantId);
          this.takeOver(seat);
        }, this.config.reconnectSeconds * 1000);
        this.awaited.set(participantId, { seat, timer });
      }
      return;
    }
    this.clock.setTimeout(() => this.startGame(), o.startAfterMs ?? 30_000);
  }

  override async onAuth(_client: Client, options: { token?: unknown }): Promise<ParticipantRow> {
    const token = typeof options?.token === "string" ? options.token : "";
    const participant = token ? await this.services.store.participantByToken(tokenHash(token)) : undefined;
    if (!participant || participant.table_id !== this.tableId) throw new ServerError(403, "not seated at this table");
    if ([...this.participantOf.values()].some((p) => p.id === participant.id)) {
      throw new ServerError(409, "already at the table");
    }
    if (this.state.phase !== "waiting" && !this.awaited.has(participant.id))
      throw new ServerError(409, "the table has started");
    return participant;
  }

  override onJoin(client: Client, options: Record<string, unknown>, participant?: ParticipantRow): void {
    if (!participant) throw new ServerError(403, "not seated at this table");
    const back = this.awaited.get(participant.id);
    if (back) {
      // Back after a restart: the same seat and hand, under the new session.
      back.timer.clear();
      this.awaited.delete(participant.id);
      this.participantOf.set(client.sessionId, participant);
      this.rebindSeat(back.seat, client);
      return;
    }
    super.onJoin(client, {
      name: participant.name,
      lang: options?.lang === "en" ? "en" : "nl",
      ...(participant.role ? { role: participant.role } : {}),
      ...(participant.region_phase ? { phase: participant.region_phase } : {}),
    });
    this.participantOf.set(client.sessionId, participant);
    this.state.host = "";
    if (this.expected.every((id) => [...this.participantOf.values()].some((p) => p.id === id))) this.startGame();
  }

  override onLeave(client: Client): void {
    if (this.state.phase === "waiting") this.participantOf.delete(client.sessionId);
    super.onLeave(client);
    this.state.host = "";
  }

  /** Shows a message from the facilitator on the table. */
  notice(text: string): void {
    this.state.notice = text;
  }

  /** Ends the table at once (the facilitator ended it or the workshop). */
  endTable(): void {
    void this.disconnect();
  }

  /** Starts now, with bots for any missing participants. */
  startNow(): void {
    this.startGame();
  }

  /** Saves the table after every change; saves never overlap and the newest state always ends up stored. */
  protected override afterChange(): void {
    if (this.saving) {
      this.dirty = true;
      return;
    }
    const table = this.tableSnapshot();
    if (!table) return;
    const participants: Record<string, string> = {};
    for (const [seat, p] of this.participantOf) participants[seat] = p.id;
    for (const [participantId, { seat }] of this.awaited) participants[seat] = participantId;
    const snapshot: WorkshopSnapshot = { table, participants };
    this.saving = true;
    this.track(
      this.services.store.saveSnapshot(this.tableId, JSON.stringify(snapshot)).finally(() => {
        this.saving = false;
        if (this.dirty) {
          this.dirty = false;
          this.afterChange();
        }
      }),
      "a table snapshot",
    );
  }

  protected override async afterPick(pick: PlanPick): Promise<void> {
    const seat = this.seatsInfo.get(pick.player);
    await this.services.store.savePick(this.tableId, {
      player_key: pick.player,
      participant_id: this.participantOf.get(pick.player)?.id ?? null,
      player_name: seat?.name ?? "",
      theme: pick.theme,
      card: pick.card,
      note: pick.note,
      role: seat?.role ?? "",
      region_phase: seat?.regionPhase ?? "",
    });
  }

  protected override async afterFinish(game: QuartetState): Promise<void> {
    await this.services.store.saveResults(
      this.tableId,
      (game.ranking ?? []).map((r) => ({
        player_key: r.player,
        participant_id: this.participantOf.get(r.player)?.id ?? null,
        player_name: this.seatsInfo.get(r.player)?.name ?? "",
        is_bot: this.participantOf.has(r.player) ? 0 : 1,
        place: r.place,
        quartets: r.quartets,
      })),
    );
  }
}

/** The workshop room class with its configuration and services baked in. */
export function workshopRoomWith(config: QuartetConfig, services: WorkshopServices): typeof WorkshopQuartetRoom {
  return class ConfiguredWorkshopRoom extends WorkshopQuartetRoom {
    override config = config;
    override services = services;
  };
}
