import { randomInt } from "node:crypto";
import { CloseCode, Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { Lang } from "@iot/shared/protocol";
import { createRng, type Rng } from "@iot/shared/rng";
import { uniqueName } from "@iot/shared/text";
import { botNames } from "@iot/shared/table/botNames";
import { MORE_TIME_MESSAGE, moreTimeMs } from "@iot/shared/table/turnTimer";
import { moveOf, type Accepted, type Outgoing, type TablePlayer } from "@iot/shared/table/definition";
import { RESYNC_MESSAGE, type SeatPublic, type TableView } from "@iot/shared/table/view";
import type { TableSummary } from "@iot/shared/workshop/api";
import { JOIN_REFUSAL_STATUS, joinRefusalMessage, type JoinRefusalCode } from "@iot/shared/i18n/joinRefusals";
import { BadOptions, type HostView, type Projection, type TableBinding, type TableSetup } from "./binding.js";
import { TokenBucket } from "./rateLimit.js";
import { freeSeat, inSeatOrder, type Seat } from "./seats.js";
import { timerScheduler, type Scheduler, type Timer } from "./scheduler.js";
import type { TableSnapshot } from "./snapshot.js";
import type { TableCommand, TableCommandResult, VacantSeat } from "./control.js";
import { ViewRoute } from "./viewRoute.js";

/** HTTP status of a refused create or join (the SDK shows the message). */
const BAD_OPTIONS = JOIN_REFUSAL_STATUS.BAD_OPTIONS;

/**
 * Joiners beyond the seats that may reach a quick-play or friends' table at
 * once (clients): Colyseus would lock a full table and refuse the joiner with
 * a bare "room is locked"; this way the room itself tells them the table is
 * full or has started (`seatNew`), in their language.
 */
const REFUSALS_IN_FLIGHT = 4;

/**
 * Colyseus' patch loop (ms). A table sends the patch of every change at once,
 * so the loop has nothing to do but catch what nothing else sent; at the
 * default 50 ms, 500 idle tables would cost 10,000 empty patch rounds a second.
 */
const SAFETY_PATCH_MS = 1_000;

/** Mixed into the table's seed for the bots' names, so drawing them leaves the deal's sequence as it was. */
const BOT_NAME_SALT = 0x6e616d65;

// The host serves every game; it sees their states, events and rejections only as opaque values.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBinding = TableBinding<any, any, { code: string }, any>;

/**
 * How a table is seated: quick play (the creator hosts, anyone with the room
 * id joins before the start) or a workshop table (only the server opens it,
 * participants join with their token, everything is saved). The host calls
 * these at the moments named; they act through the host's methods.
 */
export interface SeatPolicy {
  /** The table's setup from the create options; may restore a snapshot through `host.restore`. */
  open(host: TableRoom, raw: unknown): TableSetup<unknown>;
  /** Checks a joining client before it gets a seat (throw ServerError to refuse); the result reaches `join`. */
  auth(host: TableRoom, options: Record<string, unknown>): Promise<unknown>;
  /** Seats the client: `host.seatNew` or `host.rebind`. */
  join(host: TableRoom, client: Client, options: Record<string, unknown>, auth: unknown): void;
  /** A seat was given up before the start. */
  left(host: TableRoom, seatId: string): void;
  /** The game or its seats changed (the workshop saves a snapshot). */
  changed(host: TableRoom): void;
  /** Events of an accepted move (the workshop persists picks, results and rounds). */
  events(host: TableRoom, events: readonly unknown[]): void;
  /** Whether the table has a host among its players (quick play) or the facilitator runs it. */
  readonly hostless: boolean;
  /** The facilitator removed a participant: their seat goes to a bot, their connection closes for good. */
  remove?(host: TableRoom, participantId: string): void;
  /** Waits for writes under way. */
  idle(): Promise<void>;
  /** Seats bots play that a participant arriving late may take over (workshop tables). */
  vacant?(host: TableRoom): VacantSeat[];
  /** Promises such a seat to participant `participant`; it is handed over when they join. Null when none is left. */
  claim?(host: TableRoom, participant: string): VacantSeat | null;
}

/**
 * The one table host: a Colyseus room that plays any game definition of
 * `shared/` for its seats. It owns seats, host, drops and reconnection, bot
 * takeover, the rate limit, rejections (to the sender only, in their
 * language), the game's wake-ups and the turn timer on the room's clock,
 * snapshots and restore. What is particular to a game comes from its
 * binding; what is particular to a workshop from its seat policy.
 */
export class TableRoom extends Room {
  binding!: AnyBinding;
  policy!: SeatPolicy;
  /** Time for every timer and time stamp of the table (the room's clock unless one is given, e.g. a test's). */
  scheduler: Scheduler | null = null;
  readonly seats = new Map<string, Seat>();
  game: unknown = null;
  setup!: TableSetup<unknown>;
  hostId = "";
  paused = false;
  notice = "";
  private projection!: Projection<unknown>;
  private rng!: Rng;
  private seed = 0;
  private buckets = new Map<string, TokenBucket>();
  /** Increases with every change; a scheduled bot, timer or wake acts only if it has not moved on. */
  private moveNo = 0;
  private lastMoveAt = 0;
  private disposed = false;
  /** The server is stopping: the table's time stands still and the connections it closes are no one leaving. */
  private stopping = false;
  /** The timers of a table on Node's clock, cancelled on dispose. */
  private ownTimers: { clear(): void } | null = null;
  private turnDeadline = 0;
  private timers: Timer[] = [];
  /** The turn timer's own timer (one of `timers`), and the move at which its player last asked for more time. */
  private turnTimer: Timer | null = null;
  private extendedAt = -1;
  private lingering = false;
  /** Effects under way, by kind and player: a second request waits for the first. */
  private pending = new Set<string>();
  /** Clients on the view route, by session id: the last view each was sent and its number. */
  private views = new ViewRoute();
  /** Dropped clients still inside their reconnection window: how to end each one's wait. */
  private waiting = new Map<string, () => void>();
  /** Clients that read the synchronised state (the contract's route), by session id. */
  private readers = new Set<string>();

  override onCreate(raw: unknown): void {
    if (!this.scheduler) {
      const own = timerScheduler();
      this.ownTimers = own;
      this.scheduler = own;
    }
    // Every change sends its patch at once (see `commit` and `changed`); the loop is only a safety net.
    this.patchRate = SAFETY_PATCH_MS;
    this.seed = this.binding.config.seed ?? randomInt(0, 2 ** 31);
    this.rng = createRng(this.seed);
    this.lastMoveAt = this.now();
    try {
      this.setup = this.policy.open(this, raw);
    } catch (e) {
      if (e instanceof BadOptions) throw new ServerError(BAD_OPTIONS, e.message);
      throw e;
    }
    this.maxClients = this.setup.seats + (this.policy.hostless ? 0 : REFUSALS_IN_FLIGHT);
    this.onMessage("start", (client) => this.guard(client, () => this.onStart(client)));
    this.onMessage(MORE_TIME_MESSAGE, (client) => this.guard(client, () => this.moreTime(client.sessionId)));
    this.onMessage(RESYNC_MESSAGE, (client) =>
      this.guard(client, () => {
        if (!this.views.resync(client.sessionId)) return { code: "BAD_MESSAGE" };
        this.pushViews();
        return null;
      }),
    );
    this.onMessage("*", (client, type, payload) =>
      this.guard(client, () => this.dispatch(String(type), payload, client.sessionId, "player")),
    );
  }

  /** Called by the policy's `open` once the setup is known: makes the synchronised state. */
  initState(setup: TableSetup<unknown>): void {
    this.setup = setup;
    this.projection = this.binding.projection(setup);
    this.state = this.projection.state;
  }

  override onAuth(_client: Client, options: Record<string, unknown>): Promise<unknown> {
    return this.policy.auth(this, options ?? {});
  }

  override onJoin(client: Client, options: Record<string, unknown>, auth?: unknown): void {
    if (this.binding.views === "always" || options?.views === true) this.views.add(client.sessionId);
    else this.readers.add(client.sessionId);
    try {
      this.policy.join(this, client, options ?? {}, auth);
    } catch (e) {
      this.views.remove(client.sessionId);
      this.readers.delete(client.sessionId);
      if (e instanceof BadOptions) throw new ServerError(BAD_OPTIONS, e.message);
      throw e;
    }
    this.pushViews();
    this.sendHistory(client);
  }

  /** A dropped client's seat waits the reconnection window (on the table's time); after it, `onLeave` follows. */
  override async onDrop(client: Client): Promise<void> {
    this.setConnected(client.sessionId, false);
    const reconnection = this.allowReconnection(client, "manual");
    const end = () => reconnection.reject(new Error("the reconnection window closed"));
    this.waiting.set(client.sessionId, end);
    const window = this.later(end, this.binding.config.reconnectSeconds * 1000);
    try {
      await reconnection;
    } finally {
      window.clear();
      this.waiting.delete(client.sessionId);
    }
  }

  override onReconnect(client: Client): void {
    this.views.reconnected(client.sessionId);
    this.setConnected(client.sessionId, true);
    this.sendHistory(client);
  }

  /**
   * A client that reads the state gets the game's public history (the
   * binding's `history`); its state is there already (the join's, or the one
   * it kept).
   */
  private sendHistory(client: Client): void {
    const history = this.binding.history;
    if (!history || !this.readers.has(client.sessionId)) return;
    const payload = history.of(this.game);
    if (payload !== null) client.send(history.type, payload);
  }

  override onLeave(client: Client): void {
    this.views.remove(client.sessionId);
    this.readers.delete(client.sessionId);
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    if (!this.game) {
      this.seats.delete(seat.id);
      this.projection.removeSeat(seat.id);
      if (this.hostId === seat.id) this.hostId = inSeatOrder(this.seats.values()).find((s) => !s.isBot)?.id ?? "";
      this.policy.left(this, seat.id);
      this.changed();
      return;
    }
    this.setConnected(seat.id, false);
    if (this.stopping) return;
    if (this.binding.botsTakeOver && !this.binding.game.isFinished(this.game)) this.takeOver(seat.id);
  }

  /**
   * The server stops (SIGTERM): the table's time stands still (no bot, turn
   * timer or wake-up acts any more) and Colyseus closes every connection with
   * its shutdown code. Those closes are not players leaving: every seat stays
   * its player's, as saved, and waits for them when the table is restored.
   */
  override onBeforeShutdown(): void {
    this.stopping = true;
    super.onBeforeShutdown();
  }

  override async onDispose(): Promise<void> {
    this.disposed = true;
    this.ownTimers?.clear();
    this.clock.clear();
    await this.policy.idle();
  }

  /** The table's time (epoch ms). */
  now(): number {
    return (this.scheduler as Scheduler).now();
  }

  /** Runs `run` after `ms` on the table's time; cleared when the room is disposed. */
  later(run: () => void, ms: number): Timer {
    return (this.scheduler as Scheduler).setTimeout(() => {
      if (!this.disposed && !this.stopping) run();
    }, ms);
  }

  /** Whether the game has started. */
  get started(): boolean {
    return this.game !== null;
  }

  /** Whether a newcomer can still take a seat: the table is open, full (every seat has a player) or has started. */
  joinStatus(): "open" | "full" | "started" {
    if (this.game) return "started";
    return this.seats.size >= this.setup.seats ? "full" : "open";
  }

  /**
   * Seats a newly joined client (before the start) and gives its client the
   * view of its own seat. A table that has started or is full refuses with
   * `TABLE_STARTED` (423) or `TABLE_FULL` (409), in the joiner's language.
   */
  seatNew(client: Client, request: { name: string; lang: Lang; role: string; regionPhase: string }): Seat {
    const status = this.joinStatus();
    if (status !== "open") {
      const code: JoinRefusalCode = status === "started" ? "TABLE_STARTED" : "TABLE_FULL";
      throw new ServerError(JOIN_REFUSAL_STATUS[code], joinRefusalMessage(code, request.lang));
    }
    const taken = [...this.seats.values()].map((s) => s.name);
    const seat: Seat = {
      id: client.sessionId,
      ...request,
      name: uniqueName(request.name, taken),
      seat: freeSeat(this.seats.values()),
      isBot: false,
      connected: true,
    };
    this.seats.set(seat.id, seat);
    this.giveView(client, seat);
    if (this.hostId === "" && !this.policy.hostless) this.hostId = seat.id;
    this.changed();
    return seat;
  }

  /**
   * Gives the seat `oldId` to a client that is back under a new session (a
   * restart, or a connection that was lost), or to a late joiner taking over
   * a bot's seat (`as`: their name and join details); hand and score stay the seat's.
   */
  rebind(oldId: string, client: Client, lang: Lang, as?: { name: string; role: string; regionPhase: string }): void {
    const seat = this.seats.get(oldId);
    if (!seat) throw new ServerError(403, "no such seat");
    const moved: Seat = { ...seat, ...as, id: client.sessionId, lang, isBot: false, connected: true };
    // A dropped connection of the seat can no longer come back to it.
    this.waiting.get(oldId)?.();
    if (this.game) this.game = this.binding.game.rename(this.game, oldId, moved.id);
    this.seats.delete(oldId);
    this.projection.removeSeat(oldId);
    this.seats.set(moved.id, moved);
    this.giveView(client, moved);
    this.moveNo++;
    this.schedule();
    this.changed();
  }

  /** Deals or sets up the game for everyone seated, with bots in the empty seats up to the table's bot count. */
  start(): { code: string } | null {
    if (this.game) return { code: "ALREADY_STARTED" };
    const bots: Seat[] = [];
    const names = botNames(
      this.setup.bots,
      [...this.seats.values()].map((s) => s.name),
      createRng(this.seed ^ BOT_NAME_SALT),
    );
    for (let seat = 0, n = 0; seat < this.setup.seats && n < this.setup.bots; seat++) {
      if ([...this.seats.values()].some((s) => s.seat === seat)) continue;
      n++;
      bots.push({
        id: `bot-${n}`,
        name: names[n - 1] ?? `Bot ${n}`,
        seat,
        isBot: true,
        connected: true,
        lang: "nl",
        role: "",
        regionPhase: "",
      });
    }
    const everyone = inSeatOrder([...this.seats.values(), ...bots]);
    const players: TablePlayer[] = everyone.map((s) => ({ id: s.id, name: s.name, isBot: s.isBot }));
    const result = this.binding.game.setup(players, this.setup.options, {
      now: this.now(),
      rng: this.rng,
      seed: this.seed,
    });
    if (!result.ok) return result.rejection;
    for (const bot of bots) {
      this.seats.set(bot.id, bot);
      this.projection.addSeat(bot);
    }
    this.commit(result, null);
    return null;
  }

  /** A bot of the table's level takes the seat of a player who is gone; the game plays on. */
  takeOver(id: string): void {
    const seat = this.seats.get(id);
    if (!seat || seat.isBot || !this.binding.botsTakeOver) return;
    seat.isBot = true;
    seat.connected = true;
    this.moveNo++;
    this.schedule();
    this.changed();
  }

  /**
   * Closes seat `id`'s connection for good with `reason` (the SDK does not
   * reconnect after a consented close); a dropped one's reconnection window
   * ends now. Its `onLeave` follows: before the start the seat is freed,
   * after it a bot takes the seat over.
   */
  release(id: string, reason: string): void {
    const dropped = this.waiting.get(id);
    if (dropped) dropped();
    else this.client(id)?.leave(CloseCode.CONSENTED, reason);
  }

  /** The table as plain data, for saving; null before the start. */
  snapshot(): TableSnapshot | null {
    if (!this.game) return null;
    return {
      version: 2,
      game: this.binding.game.name,
      state: this.game,
      seats: inSeatOrder(this.seats.values()),
      setup: this.setup,
      paused: this.paused,
      notice: this.notice,
    };
  }

  /**
   * Brings a saved table back: every human seat waits, disconnected, for its
   * player to take it again, and the effects the game still awaits are run.
   */
  restore(snap: TableSnapshot): void {
    this.game = this.binding.game.restored(snap.state, this.now());
    for (const s of snap.seats) {
      const seat: Seat = { ...s, connected: s.isBot };
      this.seats.set(seat.id, seat);
      this.projection.addSeat(seat);
    }
    this.paused = snap.paused;
    this.notice = snap.notice;
    this.write();
    this.moveNo++;
    this.schedule();
    // The effects under way before the restart were lost with the process: the state says which it still waits for.
    for (const effect of this.binding.game.awaiting?.(this.game) ?? []) this.runEffect(effect);
  }

  /** The facilitator's commands (through the matchmaker, from any process): one typed entry point. */
  control<C extends TableCommand>(command: C): TableCommandResult<C> {
    return this.runCommand(command) as TableCommandResult<C>;
  }

  private runCommand(command: TableCommand): TableCommandResult<TableCommand> {
    switch (command.kind) {
      case "summary":
        return this.summary();
      case "pause":
        this.setPaused(command.paused);
        return null;
      case "notice":
        this.notice = command.text;
        this.write();
        this.changed();
        return null;
      case "end":
        void this.disconnect();
        return null;
      case "start":
        this.start();
        return null;
      case "remove":
        this.policy.remove?.(this, command.participantId);
        return null;
      case "move": {
        // Before the start, a step that does not only end something starts the table.
        const only = (command.payload as { only?: unknown } | undefined)?.only;
        if (!this.game && only === "end") return { ok: false, code: "WRONG_PHASE" };
        const rejection = this.game ? this.dispatch(command.type, command.payload, "", "host") : this.start();
        return rejection ? { ok: false, code: rejection.code } : { ok: true };
      }
      case "vacant":
        return this.policy.vacant?.(this) ?? [];
      case "claim":
        return this.policy.claim?.(this, command.participant) ?? null;
    }
  }

  /** The table at a glance, for the facilitator's live overview. */
  summary(): TableSummary {
    return this.binding.summary(this.view(), this.now() - this.lastMoveAt);
  }

  /** Pauses or resumes: moves are refused with PAUSED (queries still answered), bots, timers and wake-ups wait. */
  setPaused(paused: boolean): void {
    if (this.paused === paused) return;
    this.paused = paused;
    if (this.game) this.game = this.binding.game.pause(this.game, paused, this.now());
    this.moveNo++;
    this.schedule();
    this.changed();
  }

  /** The player ids seated, with their participant (the policy keeps that map). */
  private view(): HostView<unknown> {
    return {
      state: this.game,
      seats: this.seats,
      host: this.hostId,
      paused: this.paused,
      notice: this.notice,
      turnDeadline: this.turnDeadline,
      setup: this.setup,
    };
  }

  /** Adds the seat to the synchronised state; a client off the view route gets its own seat's secrets through its StateView. */
  private giveView(client: Client, seat: Seat): void {
    const own = this.projection.addSeat(seat);
    if (!own || this.views.has(client.sessionId)) return;
    client.view = new StateView();
    client.view.add(own);
  }

  /**
   * Mirrors the table into the synchronised state, while some client reads
   * it (a contract client: the mirror is brought up to date before its join
   * completes, since every join writes), and sends the view route its views.
   * A table whose clients all take the view route sends no state patches.
   */
  private write(): void {
    if (this.readers.size > 0) this.projection.write(this.view());
    this.pushViews();
  }

  /** What seat `id` sees of the table: the seats and host state, and the game's view for that seat. */
  viewOf(id: string, seats: SeatPublic[]): TableView<unknown> | null {
    if (!this.seats.has(id)) return null;
    return {
      me: id,
      host: this.hostId,
      paused: this.paused,
      notice: this.notice,
      turnDeadline: this.turnDeadline,
      seats,
      game: this.game === null ? null : this.binding.game.view(this.game, id),
    };
  }

  /** A client of this room by session id. */
  client(id: string): Client | undefined {
    return this.clients.getById(id);
  }

  /** Sends the view route's clients what changed; before the events of a move, so a client has the state an event describes. */
  private pushViews(): void {
    this.views.push(this);
  }

  private changed(): void {
    this.write();
    this.policy.changed(this);
    this.broadcastPatch();
  }

  /** Runs a message handler under the rate limit; a rejection goes to the sender only, in their language. */
  private guard(client: Client, handle: () => { code: string } | null): void {
    let bucket = this.buckets.get(client.sessionId);
    if (!bucket) {
      const { rateBurst, ratePerSecond } = this.binding.config;
      bucket = new TokenBucket(rateBurst, ratePerSecond, this.now());
      this.buckets.set(client.sessionId, bucket);
    }
    let rejection: { code: string } | null;
    if (!bucket.take(this.now())) rejection = { code: "RATE_LIMITED" };
    else {
      try {
        rejection = handle();
      } catch (e) {
        console.error("a table message failed", e);
        rejection = { code: "BAD_MESSAGE" };
      }
    }
    if (rejection) this.reject(client.sessionId, rejection);
  }

  private reject(player: string, rejection: { code: string }): void {
    const client = this.clients.getById(player);
    const lang: Lang = this.seats.get(player)?.lang ?? "nl";
    client?.send("rejected", { code: rejection.code, message: this.binding.game.message(rejection, lang) });
  }

  private onStart(client: Client): { code: string } | null {
    if (client.sessionId !== this.hostId) return { code: "NOT_HOST" };
    return this.start();
  }

  /**
   * Validates and applies move `type` for `player`: from a client (`player`),
   * the facilitator (`host`) or an effect's result (`server`). Returns the
   * rejection, if any; on success the new state is committed.
   */
  private dispatch(type: string, payload: unknown, player: string, from: "player" | "host" | "server") {
    const move = moveOf(this.binding.game, type);
    if (!move) return { code: "BAD_MESSAGE" };
    const parsed = move.schema.safeParse(payload ?? {});
    if (!parsed.success) return { code: "BAD_MESSAGE" };
    if (move.by === "server" && from !== "server") return { code: "BAD_MESSAGE" };
    if (move.by === "host" && from === "player" && (player !== this.hostId || this.policy.hostless))
      return { code: "NOT_HOST" };
    if (!this.game) return { code: this.binding.game.notStarted };
    if (this.paused && !move.query) return { code: "PAUSED" };
    if (from === "player" && move.by === "player" && !this.seats.has(player)) return { code: "UNKNOWN_PLAYER" };
    const bots = new Set([...this.seats.values()].filter((s) => s.isBot).map((s) => s.id));
    const result = move.apply(this.game, parsed.data, { player, now: this.now(), rng: this.rng, bots });
    if (!result.ok) return result.rejection;
    if (move.query) {
      if (result.reply) this.deliverTo({ audience: { to: "player", player }, ...result.reply }, false);
      return null;
    }
    if (from === "player") this.lastMoveAt = this.now();
    this.commit(result, player);
    return null;
  }

  /** Takes an accepted outcome: the new state is written, its events sent, its effects run, what comes next scheduled. */
  private commit(result: Accepted<unknown, unknown>, player: string | null): void {
    const corked = this.cork();
    try {
      this.applyOutcome(result, player);
    } finally {
      for (const socket of corked) socket.uncork();
    }
  }

  /**
   * Holds back every client's socket writes until the move is sent whole, so
   * a client's view, patch and messages of one move leave in one write.
   */
  private cork(): { uncork(): void }[] {
    const sockets: { cork(): void; uncork(): void }[] = [];
    for (const client of this.clients) {
      const socket = (client as { ref?: { _socket?: { cork?: unknown; uncork?: unknown } } }).ref?._socket;
      if (socket && typeof socket.cork === "function" && typeof socket.uncork === "function") {
        const s = socket as { cork(): void; uncork(): void };
        s.cork();
        sockets.push(s);
      }
    }
    return sockets;
  }

  private applyOutcome(result: Accepted<unknown, unknown>, player: string | null): void {
    const game = this.binding.game;
    this.game = result.state;
    this.moveNo++;
    this.write();
    for (const event of result.events) {
      for (const out of game.deliver(event, result.state)) this.deliverTo(out);
    }
    if (result.reply && player) this.deliverTo({ audience: { to: "player", player }, ...result.reply }, false);
    for (const effect of result.effects ?? []) this.runEffect(effect);
    if (result.events.length > 0) this.policy.events(this, result.events);
    this.schedule();
    this.policy.changed(this);
    // The move's patch goes out now, and the messages staged after it with it.
    this.broadcastPatch();
  }

  /**
   * Sends a message a move caused. An event's message goes out after the
   * move's state patch (which `commit` sends at once), so a client that
   * reads the synchronised state (the contract's) has the state the message
   * describes when it arrives; clients on the view route got their view
   * before it in any case. A reply (`afterPatch` false) goes out at once.
   */
  private deliverTo(out: Outgoing, afterPatch = true): void {
    const { audience, type, payload } = out;
    const skip = out.inView ? this.views.ids().flatMap((id) => this.clients.getById(id) ?? []) : [];
    const target = audience.to === "all" ? undefined : this.clients.getById(audience.player);
    const options = afterPatch ? { afterNextPatch: true } : {};
    if (audience.to === "player") {
      if (target && !skip.includes(target)) target.send(type, payload, options);
      return;
    }
    const except = audience.to === "others" && target ? [...skip, target] : skip;
    this.broadcast(type, payload, except.length > 0 ? { ...options, except } : options);
  }

  private runEffect(effect: { kind: string; player: string; key?: string }): void {
    const runner = this.binding.effects?.[effect.kind];
    const key = effect.key ?? `${effect.kind}:${effect.player}`;
    if (!runner || this.pending.has(key)) return;
    this.pending.add(key);
    runner(effect, this.game)
      .then((result) => {
        this.pending.delete(key);
        if (!result) return;
        const rejection =
          "rejection" in result
            ? result.rejection
            : this.dispatch(result.type, result.payload, effect.player, "server");
        if (rejection) this.reject(effect.player, rejection);
      })
      .catch((e: unknown) => {
        this.pending.delete(key);
        console.error(`the table's ${effect.kind} failed`, e);
      });
  }

  /** After every change: the bot or turn timer of the seat whose turn it is, the game's next wake-up, or the linger after the end. */
  private schedule(): void {
    for (const t of this.timers) t.clear();
    this.timers = [];
    const hadDeadline = this.turnDeadline;
    this.turnDeadline = 0;
    const state = this.game;
    const game = this.binding.game;
    if (state === null) return;
    if (game.isFinished(state)) {
      if (!this.lingering) {
        this.lingering = true;
        this.later(() => void this.disconnect(), this.binding.config.lingerMs);
      }
    } else if (!this.paused) {
      const move = this.moveNo;
      const turn = game.turn(state);
      const seat = turn ? this.seats.get(turn) : undefined;
      if (turn && seat?.isBot && game.bot) {
        const [lo, hi] = this.binding.config.botDelayMs;
        const delay = lo + this.rng.int(0, Math.max(0, hi - lo));
        this.timers.push(this.later(() => this.botMove(turn, move), delay));
      } else if (turn && seat?.connected && game.bot && this.setup.turnSeconds > 0) {
        // The turn timer runs for a player who is there; a dropped one's turn waits out their reconnection window.
        this.turnDeadline = this.now() + this.setup.turnSeconds * 1000;
        this.turnTimer = this.later(() => this.botMove(turn, move), this.setup.turnSeconds * 1000);
        this.timers.push(this.turnTimer);
      }
      const at = game.nextWake(state);
      if (at !== null) this.timers.push(this.later(() => this.wake(move), Math.max(0, at - this.now())));
    }
    if (hadDeadline !== this.turnDeadline) this.write();
  }

  /**
   * The player whose turn timer runs asks for more time: the deadline moves
   * on by the table's turn time, once per move (WCAG 2.2.1). Refused with
   * `BAD_MESSAGE` at a table without a timer, `NOT_YOUR_TURN`, or
   * `NO_MORE_TIME` when no timer runs now or this move had its extra time.
   */
  private moreTime(player: string): { code: string } | null {
    if (!this.game || this.setup.turnSeconds === 0) return { code: "BAD_MESSAGE" };
    if (this.binding.game.turn(this.game) !== player) return { code: "NOT_YOUR_TURN" };
    if (this.turnDeadline === 0 || this.extendedAt === this.moveNo) return { code: "NO_MORE_TIME" };
    this.extendedAt = this.moveNo;
    this.turnTimer?.clear();
    this.turnDeadline += moreTimeMs(this.setup.turnSeconds);
    const move = this.moveNo;
    this.turnTimer = this.later(() => this.botMove(player, move), this.turnDeadline - this.now());
    this.timers.push(this.turnTimer);
    this.write();
    return null;
  }

  /** The seat's bot moves for `player`, if the game is still at move `move`. */
  private botMove(player: string, move: number): void {
    const state = this.game;
    const game = this.binding.game;
    if (state === null || this.paused || move !== this.moveNo || game.turn(state) !== player || !game.bot) return;
    const choice = game.bot(state, player, this.rng);
    if (!choice) return;
    const rejection = this.dispatch(choice.type, choice.payload, player, "player");
    if (rejection) console.error(`a bot's ${choice.type} was refused: ${rejection.code}`);
  }

  private wake(move: number): void {
    if (this.game === null || this.paused || move !== this.moveNo) return;
    const result = this.binding.game.wake(this.game, this.now());
    if (result.ok) this.commit(result, null);
  }

  private setConnected(id: string, connected: boolean): void {
    const seat = this.seats.get(id);
    if (!seat || seat.isBot) return;
    seat.connected = connected;
    // The turn timer runs only while the player whose turn it is is there.
    this.moveNo++;
    this.schedule();
    this.changed();
  }
}
