import { ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { PlannerEvent, PlannerGame, PlannerRejection, PlannerResult } from "@iot/shared/planner/game/index";
import { renamePlanner } from "@iot/shared/planner/game/rename";
import type { Lang } from "@iot/shared/protocol";
import type { AdvanceAction, TableSummary } from "@iot/shared/workshop/api";
import type { PlannerConfig } from "../config.js";
import type { ParticipantRow } from "../db/schema.js";
import { PlannerRoom } from "../planner/PlannerRoom.js";
import { PlannerSchema } from "../planner/schema.js";
import type { SolverPool } from "../planner/solverWorker.js";
import { writePlanner } from "../planner/sync.js";
import { tokenHash } from "./auth.js";
import { LatestWriter } from "./latestWriter.js";
import { savePlannerResults } from "./plannerResults.js";
import type { PlannerTableSnapshot } from "./plannerSnapshot.js";
import { plannerSummary } from "./plannerSummary.js";
import type { WorkshopServices } from "./WorkshopRoom.js";

/** A timed round brought back after a restart has at least this long left (ms). */
const RESUME_GRACE_MS = 60_000;

/** Options only the server passes when it opens a planner table (a region) of a workshop. */
export interface PlannerTableOptions {
  serverKey: string;
  tableId: string;
  lang: Lang;
  /** 1-4: 15, 30, 45 or 60 orders per carrier. */
  difficulty: 1 | 2 | 3 | 4;
  /** Each round ends on its own after this long (s); 0 or absent: the server's PLANNER_ROUND_SECONDS. */
  roundSeconds?: number;
  /** Participants seated here, in seat order. */
  participantIds: string[];
  /** Start round 1 with whoever is there after this long (ms). */
  startAfterMs: number;
  /** A table brought back after a restart. */
  restore?: PlannerTableSnapshot;
}

/** The outcome of a facilitator's step: the game's phase and round after it, or why it could not be taken. */
export type AdvanceOutcome = { ok: true; phase: string; round: number } | { ok: false; code: string };

/**
 * A planner region inside a workshop. Only the server opens it; only the
 * participants seated at its table may join, with their participant token.
 * Round 1 starts when everyone is there, or after a grace time with whoever
 * came (an absent participant has no carrier); the facilitator moves the
 * rounds on. The game is saved after every change, each round's results and
 * the profiles when a round ends; after a restart each participant takes
 * their carrier back under their new session.
 */
export class PlannerWorkshopRoom extends PlannerRoom {
  services!: WorkshopServices;
  private tableId = "";
  private lang: Lang = "nl";
  private expected: string[] = [];
  private startAfterMs = 30_000;
  /** Participant id to planner id (the session id under which their carrier runs). */
  private seatOf = new Map<string, string>();
  /** The grace time passed with nobody there: the next arrival starts it again. */
  private graceOver = false;
  private lastActionAt = Date.now();
  private snapshots = new LatestWriter(() => this.saveSnapshot(), "a planner table snapshot");
  /** Results are saved one after the other, in the order the rounds ended. */
  private results: Promise<void> = Promise.resolve();

  override onCreate(raw: unknown): void {
    const o = raw as Partial<PlannerTableOptions>;
    if (!o || o.serverKey !== this.services.serverKey || typeof o.tableId !== "string") {
      throw new ServerError(403, "workshop tables are opened by the facilitator");
    }
    this.tableId = o.tableId;
    this.lang = o.lang === "en" ? "en" : "nl";
    this.expected = o.participantIds ?? [];
    this.startAfterMs = o.startAfterMs ?? 30_000;
    this.ownRoundSeconds = Math.max(0, o.roundSeconds ?? 0);
    const planners = Math.min(8, Math.max(1, o.restore?.seats.length ?? this.expected.length));
    super.onCreate({ name: "region", lang: this.lang, difficulty: o.difficulty ?? 2, planners });
    void this.setMetadata({ tableId: this.tableId });
    // The region lives until its game ends (then it closes after the linger), even while nobody is connected.
    this.autoDispose = false;
    if (o.restore) this.restore(o.restore);
    else this.clock.setTimeout(() => this.graceEnds(), this.startAfterMs);
  }

  override async onAuth(_client: Client, options: { token?: unknown }): Promise<ParticipantRow> {
    const token = typeof options?.token === "string" ? options.token : "";
    const participant = token ? await this.services.store.participantByToken(tokenHash(token)) : undefined;
    if (!participant || participant.table_id !== this.tableId) throw new ServerError(403, "not seated at this table");
    const seat = this.seatOf.get(participant.id);
    if (seat && this.seats.get(seat)?.connected) throw new ServerError(409, "already at the table");
    if (this.game && !seat) throw new ServerError(409, "the table has started");
    return participant;
  }

  override onJoin(client: Client, options: Record<string, unknown>, participant?: ParticipantRow): void {
    if (!participant) throw new ServerError(403, "not seated at this table");
    const lang: Lang = options?.lang === "en" || options?.lang === "nl" ? options.lang : this.lang;
    const old = this.seatOf.get(participant.id);
    if (this.game && old) return this.rebind(old, client, participant.id, lang);
    if (old) this.dropSeat(old);
    super.onJoin(client, { name: participant.name, lang });
    this.state.host = "";
    this.seatOf.set(participant.id, client.sessionId);
    if (this.graceOver) {
      this.graceOver = false;
      this.clock.setTimeout(() => this.graceEnds(), this.startAfterMs);
    }
    if (this.expected.every((id) => this.seatOf.has(id))) this.begin();
  }

  override onLeave(client: Client): void {
    if (!this.game) {
      const id = [...this.seatOf.entries()].find(([, seat]) => seat === client.sessionId)?.[0];
      if (id) this.seatOf.delete(id);
    }
    super.onLeave(client);
    this.state.host = "";
  }

  override async onDispose(): Promise<void> {
    super.onDispose();
    await this.snapshots.idle();
    await this.results;
  }

  /** Starts round 1 with whoever is there; the region stays open to its participants (their token decides). */
  protected override begin(): PlannerRejection | null {
    const rejection = super.begin();
    if (!rejection) void this.unlock();
    return rejection;
  }

  protected override apply(result: PlannerResult, client?: Client): PlannerRejection | null {
    if (client && result.ok) this.lastActionAt = Date.now();
    return super.apply(result, client);
  }

  protected override commit(game: PlannerGame, events: readonly PlannerEvent[]): void {
    super.commit(game, events);
    for (const e of events) {
      if (e.type !== "round-ended") continue;
      const participants = this.participantsBySeat();
      this.saveResults(() => savePlannerResults(this.services.store, this.tableId, game, participants, [e.round]));
    }
  }

  protected override afterChange(): void {
    this.snapshots.request();
  }

  /** The facilitator moves the region on: `next` takes the next step, `end` only ends a round, `start` only starts one. */
  advanceTable(action: AdvanceAction = "next"): AdvanceOutcome {
    const phase = this.game?.phase ?? "waiting";
    const fits =
      phase === "round" ? action !== "start" : phase === "waiting" || phase === "review" ? action !== "end" : false;
    const rejection = !fits ? { code: "WRONG_PHASE" } : this.game ? this.advance() : this.begin();
    if (rejection) return { ok: false, code: rejection.code };
    this.lastActionAt = Date.now();
    return { ok: true, phase: this.game?.phase ?? "waiting", round: this.game?.round ?? 0 };
  }

  /** Shows a message from the facilitator in the region. */
  notice(text: string): void {
    this.state.notice = text;
    this.afterChange();
  }

  /** Ends the region at once (the facilitator ended it or the workshop). */
  endTable(): void {
    void this.disconnect();
  }

  /** The region at a glance, for the facilitator's live overview. */
  summary(): TableSummary {
    return plannerSummary(this.state, this.game, this.seats, Date.now() - this.lastActionAt);
  }

  private graceEnds(): void {
    if (this.game) return;
    if (this.seats.size === 0) this.graceOver = true;
    else this.begin();
  }

  /** Gives the carrier of `old` to a participant back under a new session (after a restart or a lost connection). */
  private rebind(old: string, client: Client, participantId: string, lang: Lang): void {
    const seat = this.seats.get(old);
    if (!this.game || !seat) throw new ServerError(403, "no such seat");
    const game = renamePlanner(this.game, old, client.sessionId);
    this.dropSeat(old);
    this.seats.set(client.sessionId, { ...seat, id: client.sessionId, lang, connected: true });
    const planner = new PlannerSchema({ name: seat.name, seat: seat.seat, connected: true, carrier: "" });
    this.state.planners.set(client.sessionId, planner);
    client.view = new StateView();
    client.view.add(planner);
    this.seatOf.set(participantId, client.sessionId);
    // Offers and standings name planners by id: write them afresh.
    this.state.offers.clear();
    this.state.leaderboard.clear();
    this.state.leaderboardRound = 0;
    this.commit(game, []);
  }

  private dropSeat(id: string): void {
    this.seats.delete(id);
    this.state.planners.delete(id);
  }

  /** Brings a saved region back: every carrier waits, disconnected, for its participant; the day's clock runs on. */
  private restore(snap: PlannerTableSnapshot): void {
    this.game = snap.game;
    this.seed = snap.game.seed;
    this.difficulty = snap.game.difficulty;
    for (const s of snap.seats) {
      this.seats.set(s.id, { ...s, connected: false });
      this.state.planners.set(s.id, new PlannerSchema({ name: s.name, seat: s.seat, connected: false, carrier: "" }));
    }
    for (const [seat, participantId] of Object.entries(snap.participants)) this.seatOf.set(participantId, seat);
    this.state.paused = snap.paused;
    this.state.notice = snap.notice;
    writePlanner(this.state, this.game, this.seats);
    if (this.game.phase === "round" && this.game.round === 3) this.runDay();
    if (this.game.phase === "round") this.resumeRoundTimer(snap);
    // Results of rounds that ended just before the restart may not have landed: saving again replaces them.
    const game = this.game;
    const participants = this.participantsBySeat();
    this.saveResults(() => savePlannerResults(this.services.store, this.tableId, game, participants));
  }

  /**
   * The round timer after a restart: a paused round keeps what it had left;
   * a running one ends when it would have ended, but never sooner than
   * RESUME_GRACE_MS from now, so everyone can get back first. A snapshot from
   * before timers were saved starts the round's full time.
   */
  private resumeRoundTimer(snap: PlannerTableSnapshot): void {
    const full = this.roundSeconds * 1000;
    if (snap.paused) {
      this.roundLeftMs = snap.roundLeftMs ?? full;
      return;
    }
    if (snap.roundEndsAt === undefined) return this.runRoundTimer(full);
    if (snap.roundEndsAt > 0) this.runRoundTimer(Math.max(RESUME_GRACE_MS, snap.roundEndsAt - Date.now()));
  }

  private participantsBySeat(): Map<string, string> {
    return new Map([...this.seatOf.entries()].map(([participant, seat]) => [seat, participant]));
  }

  private saveSnapshot(): Promise<void> | null {
    if (!this.game) return null;
    const snapshot: PlannerTableSnapshot = {
      kind: "planner",
      version: 1,
      game: this.game,
      seats: [...this.seats.values()],
      participants: Object.fromEntries(this.participantsBySeat()),
      paused: this.state.paused,
      notice: this.state.notice,
      roundEndsAt: this.state.roundEndsAt,
      roundLeftMs: this.roundLeftMs,
    };
    return this.services.store.saveSnapshot(this.tableId, JSON.stringify(snapshot));
  }

  /** Queues a save of results after the ones before it; disposal waits for the queue, so a shutdown loses none. */
  private saveResults(save: () => Promise<void>): void {
    this.results = this.results
      .then(save)
      .catch((e: unknown) => console.error("saving a planner table's results failed", e));
  }
}

/** The workshop planner room class with its configuration, solver pool and services baked in. */
export function plannerWorkshopRoomWith(
  config: PlannerConfig,
  solver: SolverPool,
  services: WorkshopServices,
): typeof PlannerWorkshopRoom {
  return class ConfiguredPlannerWorkshopRoom extends PlannerWorkshopRoom {
    override config = config;
    override solver = solver;
    override services = services;
  };
}
