import { randomInt } from "node:crypto";
import { Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { rejectionMessage } from "@iot/shared/i18n/messages";
import {
  askSchema,
  ClientMessage,
  joinOptionsSchema,
  parsePayload,
  pickSchema,
  ServerMessage,
  startSchema,
  type JoinOptions,
  type Lang,
} from "@iot/shared/protocol";
import { applyPick, type PlanPick } from "@iot/shared/quartet/actionPlan";
import { chooseAsk, type BotLevel } from "@iot/shared/quartet/bots/index";
import { applyAsk, newGame } from "@iot/shared/quartet/rules";
import { renamePlayer } from "@iot/shared/quartet/rename";
import { eventForSeat, seatView } from "@iot/shared/quartet/seatView";
import { resolveSettings } from "@iot/shared/quartet/settings";
import type { QuartetEvent, QuartetState, Rejection, RuleResult, TableSettings } from "@iot/shared/quartet/types";
import { createRng, type Rng } from "@iot/shared/rng";
import type { TableSummary } from "@iot/shared/workshop/api";
import { DEFAULT_QUARTET_CONFIG, type QuartetConfig } from "../config.js";
import { TokenBucket } from "./rateLimit.js";
import type { TableSnapshot } from "./snapshot.js";
import { PlayerSchema, QuartetStateSchema, RulesSchema } from "./schema.js";
import { writeGame, writePlan, writeSeat, type SeatInfo } from "./sync.js";

/** HTTP status of a refused create or join (the SDK shows the message). */
const BAD_OPTIONS = 400;

/**
 * The quartet table. It validates messages, calls the shared rules and writes
 * their result into the schema; it holds no rule logic of its own.
 */
export class QuartetRoom extends Room<{ state: QuartetStateSchema }> {
  config: QuartetConfig = DEFAULT_QUARTET_CONFIG;
  protected seatsInfo = new Map<string, SeatInfo>();
  private buckets = new Map<string, TokenBucket>();
  protected game: QuartetState | null = null;
  protected log: QuartetEvent[] = [];
  protected picks: PlanPick[] = [];
  protected settings!: TableSettings;
  protected botCount = 0;
  protected turnSeconds = 0;
  private rng!: Rng;
  /** Increases with every committed action; a scheduled bot or timer acts only if it has not moved on. */
  protected moveNo = 0;
  /** Epoch ms of the last accepted move (or of the table's opening). */
  protected lastMoveAt = Date.now();
  /** While paused, asks are refused and bots and timers wait. */
  protected paused = false;

  override onCreate(raw: unknown): void {
    const options = this.parseJoin(raw);
    const resolved = resolveSettings(options.seats, {
      ...options.rules,
      stockHandSize: options.rules?.stockHandSize ?? (options.seats === 2 ? 7 : 0),
    });
    if (!resolved.ok) throw new ServerError(BAD_OPTIONS, rejectionMessage(resolved.rejection, options.lang));
    this.settings = resolved.settings;
    this.botCount = Math.min(options.bots, options.seats - 1);
    this.turnSeconds = options.turnSeconds;
    this.maxClients = options.seats;
    this.rng = createRng(this.config.seed ?? randomInt(0, 2 ** 31));
    this.state = new QuartetStateSchema({
      seats: options.seats,
      botLevel: options.botLevel,
      rules: new RulesSchema({ ...this.settings }),
    });
    this.onMessage(ClientMessage.start, (client, payload) => this.guard(client, () => this.onStart(client, payload)));
    this.onMessage(ClientMessage.ask, (client, payload) => this.guard(client, () => this.onAsk(client, payload)));
    this.onMessage(ClientMessage.pick, (client, payload) => this.guard(client, () => this.onPick(client, payload)));
    this.onMessage("*", (client) => this.guard(client, () => ({ code: "BAD_MESSAGE" })));
  }

  override onJoin(client: Client, raw: unknown): void {
    const options = this.parseJoin(raw);
    if (this.state.phase !== "waiting") throw new ServerError(BAD_OPTIONS, "table already started");
    const taken = new Set([...this.seatsInfo.values()].map((s) => s.seat));
    let seat = 0;
    while (taken.has(seat)) seat++;
    const info: SeatInfo = {
      id: client.sessionId,
      name: options.name,
      seat,
      isBot: false,
      connected: true,
      lang: options.lang,
      role: options.role ?? "",
      regionPhase: options.phase ?? "",
    };
    this.seatsInfo.set(client.sessionId, info);
    const player = new PlayerSchema();
    writeSeat(player, info);
    this.state.players.set(client.sessionId, player);
    if (this.state.host === "") this.state.host = client.sessionId;
    client.view = new StateView();
    client.view.add(player);
  }

  override async onDrop(client: Client): Promise<void> {
    this.setConnected(client.sessionId, false);
    await this.allowReconnection(client, this.config.reconnectSeconds);
  }

  override onReconnect(client: Client): void {
    this.setConnected(client.sessionId, true);
  }

  override onLeave(client: Client): void {
    const info = this.seatsInfo.get(client.sessionId);
    if (!info) return;
    if (this.state.phase === "waiting") {
      this.seatsInfo.delete(client.sessionId);
      this.state.players.delete(client.sessionId);
      if (this.state.host === client.sessionId) {
        this.state.host = [...this.seatsInfo.values()].find((s) => !s.isBot)?.id ?? "";
      }
      return;
    }
    this.setConnected(client.sessionId, false);
    if (this.state.phase === "playing") this.takeOver(client.sessionId);
  }

  /** A bot of the table's level takes a seat whose player is gone; the game plays on. */
  protected takeOver(id: string): void {
    const info = this.seatsInfo.get(id);
    if (!info || info.isBot) return;
    info.isBot = true;
    info.connected = true;
    const player = this.state.players.get(id);
    if (player) writeSeat(player, info);
    this.moveNo++;
    this.scheduleTurn();
    this.afterChange();
  }

  /** The table as plain data, for saving. */
  protected tableSnapshot(): TableSnapshot | null {
    if (!this.game) return null;
    return {
      version: 1,
      game: this.game,
      log: this.log,
      picks: this.picks,
      seats: [...this.seatsInfo.values()],
      settings: this.settings,
      seatCount: this.state.seats,
      botLevel: this.state.botLevel,
      botCount: this.botCount,
      turnSeconds: this.turnSeconds,
    };
  }

  /** Brings a saved table back: every human seat waits, disconnected, for its player to take it again. */
  protected restoreTable(snap: TableSnapshot): void {
    this.game = snap.game;
    this.log = [...snap.log];
    this.picks = [...snap.picks];
    for (const seat of snap.seats) {
      const info: SeatInfo = { ...seat, connected: seat.isBot };
      this.seatsInfo.set(info.id, info);
      const player = new PlayerSchema();
      writeSeat(player, info);
      this.state.players.set(info.id, player);
    }
    writeGame(this.state, this.game, this.seatsInfo);
    writePlan(this.state, this.picks, this.seatsInfo);
    this.moveNo++;
    this.scheduleTurn();
  }

  /** Gives the seat `oldId` to a newly joined client (a player back after a restart), under the client's session id. */
  protected rebindSeat(oldId: string, client: Client): void {
    const info = this.seatsInfo.get(oldId);
    if (!this.game || !info) throw new ServerError(403, "no such seat");
    const renamed = renamePlayer({ state: this.game, log: this.log, picks: this.picks }, oldId, client.sessionId);
    this.game = renamed.state;
    this.log = renamed.log;
    this.picks = renamed.picks;
    this.seatsInfo.delete(oldId);
    const moved: SeatInfo = { ...info, id: client.sessionId, connected: true };
    this.seatsInfo.set(moved.id, moved);
    this.state.players.delete(oldId);
    const player = new PlayerSchema();
    writeSeat(player, moved);
    this.state.players.set(moved.id, player);
    writeGame(this.state, this.game, this.seatsInfo);
    writePlan(this.state, this.picks, this.seatsInfo);
    client.view = new StateView();
    client.view.add(player);
    this.moveNo++;
    this.scheduleTurn();
    this.afterChange();
  }

  /** Writes still under way (picks and results); disposal waits for them, so a shutdown loses none. */
  private writes = new Set<Promise<void>>();

  override async onDispose(): Promise<void> {
    this.clock.clear();
    await Promise.allSettled([...this.writes]);
  }

  /** Runs a write hook and keeps it until it is done. */
  protected track(write: void | Promise<void>, what: string): void {
    const p = Promise.resolve(write)
      .catch((e: unknown) => console.error(`saving ${what} failed`, e))
      .finally(() => this.writes.delete(p));
    this.writes.add(p);
  }

  protected parseJoin(raw: unknown): JoinOptions {
    const options = parsePayload(joinOptionsSchema, raw);
    if (!options)
      throw new ServerError(
        BAD_OPTIONS,
        "invalid options: name (1-24 characters), seats 2-6, bots 0-5, botLevel easy|medium|hard, lang nl|en",
      );
    return options;
  }

  /** Runs a message handler under the rate limit; a rejection goes to the sender only. */
  private guard(client: Client, handle: () => Rejection | null): void {
    let bucket = this.buckets.get(client.sessionId);
    if (!bucket) {
      bucket = new TokenBucket(this.config.rateBurst, this.config.ratePerSecond, this.clock.currentTime);
      this.buckets.set(client.sessionId, bucket);
    }
    let rejection: Rejection | null;
    if (!bucket.take(this.clock.currentTime)) rejection = { code: "RATE_LIMITED" };
    else {
      try {
        rejection = handle();
      } catch {
        rejection = { code: "BAD_MESSAGE" };
      }
    }
    if (rejection) this.reject(client, rejection);
  }

  private reject(client: Client, rejection: Rejection): void {
    const lang: Lang = this.seatsInfo.get(client.sessionId)?.lang ?? "nl";
    client.send(ServerMessage.rejected, { code: rejection.code, message: rejectionMessage(rejection, lang) });
  }

  private onStart(client: Client, payload: unknown): Rejection | null {
    if (!parsePayload(startSchema, payload)) return { code: "BAD_MESSAGE" };
    if (client.sessionId !== this.state.host) return { code: "NOT_HOST" };
    return this.startGame();
  }

  /** Fills the empty seats with bots (up to the table's bot count), deals, and locks the table. */
  protected startGame(): Rejection | null {
    if (this.state.phase !== "waiting") return { code: "ALREADY_STARTED" };
    const humans = [...this.seatsInfo.values()];
    const bots: SeatInfo[] = [];
    const taken = new Set(humans.map((s) => s.seat));
    for (let seat = 0, n = 0; seat < this.state.seats && n < this.botCount; seat++) {
      if (taken.has(seat)) continue;
      n++;
      bots.push({
        id: `bot-${n}`,
        name: `Bot ${n}`,
        seat,
        isBot: true,
        connected: true,
        lang: "nl",
        role: "",
        regionPhase: "",
      });
    }
    const everyone = [...humans, ...bots].sort((a, b) => a.seat - b.seat);
    const result = newGame(
      everyone.map((s) => s.id),
      this.settings,
      this.rng,
    );
    if (!result.ok) return result.rejection;
    for (const bot of bots) {
      this.seatsInfo.set(bot.id, bot);
      const player = new PlayerSchema();
      writeSeat(player, bot);
      this.state.players.set(bot.id, player);
    }
    void this.lock();
    this.commit(result);
    return null;
  }

  /** Pauses or resumes play: asks are refused with PAUSED, bots and the turn timer wait. */
  setPaused(paused: boolean): void {
    if (this.paused === paused) return;
    this.paused = paused;
    this.state.paused = paused;
    this.moveNo++;
    if (!paused) this.scheduleTurn();
    else this.state.turnDeadline = 0;
  }

  /** The table at a glance, for the facilitator's live overview. */
  summary(): TableSummary {
    const players = [...this.seatsInfo.values()].sort((a, b) => a.seat - b.seat);
    return {
      phase: this.state.phase as TableSummary["phase"],
      paused: this.paused,
      turnName: this.seatsInfo.get(this.state.turn)?.name ?? "",
      asks: this.state.asks,
      idleMs: Date.now() - this.lastMoveAt,
      players: players.map((s) => ({
        name: s.name,
        isBot: s.isBot,
        connected: s.connected,
        handCount: this.state.players.get(s.id)?.handCount ?? 0,
        quartets: this.state.players.get(s.id)?.quartets.length ?? 0,
      })),
    };
  }

  /** Called after every change to the game or its seats; the workshop room saves a snapshot. */
  protected afterChange(): void {}

  /** Called after a pick is recorded; the workshop room persists it. */
  protected afterPick(_pick: PlanPick): void | Promise<void> {}

  /** Called once when the game has ended; the workshop room persists the result. */
  protected afterFinish(_game: QuartetState): void | Promise<void> {}

  private onAsk(client: Client, payload: unknown): Rejection | null {
    const ask = parsePayload(askSchema, payload);
    if (!ask) return { code: "BAD_MESSAGE" };
    if (!this.game) return { code: "NOT_PLAYING" };
    if (this.paused) return { code: "PAUSED" };
    const result = applyAsk(this.game, { type: "ask", from: client.sessionId, to: ask.to, card: ask.card as never });
    if (!result.ok) return result.rejection;
    this.commit(result);
    return null;
  }

  private onPick(client: Client, payload: unknown): Rejection | null {
    const pick = parsePayload(pickSchema, payload);
    if (!pick) return { code: "BAD_MESSAGE" };
    if (!this.game) return { code: "NOT_PLAYING" };
    const result = applyPick(this.game, this.picks, client.sessionId, pick.card, pick.note ?? "");
    if (!result.ok) return result.rejection;
    this.picks = result.picks;
    writePlan(this.state, this.picks, this.seatsInfo);
    this.track(this.afterPick(result.pick), "a pick");
    this.afterChange();
    return null;
  }

  /** Writes an accepted rule result into the schema, sends its events and schedules what comes next. */
  protected commit(result: Extract<RuleResult, { ok: true }>): void {
    this.game = result.state;
    this.log.push(...result.events);
    this.moveNo++;
    this.lastMoveAt = Date.now();
    writeGame(this.state, result.state, this.seatsInfo);
    for (const event of result.events) {
      if (event.type === "asked") {
        const { from, to, card, got } = event;
        this.broadcast(ServerMessage.asked, { from, to, card, got });
      } else if (event.type === "drew") {
        const drawer = this.clients.getById(event.player);
        if (drawer) drawer.send(ServerMessage.event, event);
        this.broadcast(ServerMessage.event, eventForSeat(event, ""), drawer ? { except: drawer } : undefined);
      } else {
        this.broadcast(ServerMessage.event, event);
      }
    }
    this.scheduleTurn();
    this.afterChange();
  }

  /** Lets a bot seat ask after its thinking time, runs the turn timer for a human, or closes a finished table later. */
  protected scheduleTurn(): void {
    const game = this.game;
    this.state.turnDeadline = 0;
    if (!game) return;
    if (game.phase === "finished") {
      this.track(this.afterFinish(game), "a result");
      this.clock.setTimeout(() => void this.disconnect(), this.config.lingerMs);
      return;
    }
    if (this.paused) return;
    const turn = game.turn as string;
    const seat = this.seatsInfo.get(turn);
    const move = this.moveNo;
    if (seat?.isBot) {
      const [lo, hi] = this.config.botDelayMs;
      this.clock.setTimeout(() => this.botMove(turn, move), lo + this.rng.int(0, Math.max(0, hi - lo)));
    } else if (this.turnSeconds > 0) {
      this.state.turnDeadline = Date.now() + this.turnSeconds * 1000;
      this.clock.setTimeout(() => this.botMove(turn, move), this.turnSeconds * 1000);
    }
  }

  /** The seat's bot asks for `player`, if the game is still at move `move`. */
  private botMove(player: string, move: number): void {
    const game = this.game;
    if (!game || this.paused || move !== this.moveNo || game.turn !== player) return;
    const level = this.state.botLevel as BotLevel;
    const ask = chooseAsk(level, seatView(game, player, this.log), this.rng);
    if (!ask) return;
    const result = applyAsk(game, ask);
    if (result.ok) this.commit(result);
  }

  protected setConnected(id: string, connected: boolean): void {
    const info = this.seatsInfo.get(id);
    const player = this.state.players.get(id);
    if (!info || !player || info.isBot) return;
    info.connected = connected;
    player.connected = connected;
  }
}

/** The room class with its configuration baked in, for `server.define`. */
export function quartetRoomWith(config: QuartetConfig): typeof QuartetRoom {
  return class ConfiguredQuartetRoom extends QuartetRoom {
    override config = config;
  };
}
