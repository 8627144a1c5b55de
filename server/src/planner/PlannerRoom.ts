import { randomInt } from "node:crypto";
import { Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { assistantProblem } from "@iot/shared/planner/assistant";
import type { Plan } from "@iot/shared/planner/evaluate";
import {
  acceptOffer,
  acceptProposal,
  advanceClock,
  assess,
  assistantContext,
  endRound,
  newPlannerGame,
  offerOrder,
  previewOffer,
  recordProposal,
  revealFloor,
  setPlan,
  startRound,
  withdrawOffer,
} from "@iot/shared/planner/game/index";
import type { PlannerEvent, PlannerGame, PlannerRejection, PlannerResult } from "@iot/shared/planner/game/index";
import { plannerRejectionMessage } from "@iot/shared/i18n/plannerMessages";
import type { plannerSchemas } from "@iot/shared/planner/protocol";
import {
  PlannerClientMessage,
  PlannerServerMessage,
  plannerJoinSchema,
  parsePlannerPayload,
  type PlannerJoinOptions,
} from "@iot/shared/planner/protocol";
import type { Lang } from "@iot/shared/protocol";
import { DEFAULT_PLANNER_CONFIG, type PlannerConfig } from "../config.js";
import { TokenBucket } from "../quartet/rateLimit.js";
import { PlannerSchema, PlannerStateSchema } from "./schema.js";
import type { SolverPool } from "./solverWorker.js";
import { writePlanner } from "./sync.js";

/** HTTP status of a refused create or join (the SDK shows the message). */
const BAD_OPTIONS = 400;

/** A planner at the table: who sits there, beyond the rules. */
export interface PlannerSeat {
  id: string;
  name: string;
  seat: number;
  lang: Lang;
  connected: boolean;
}

/**
 * The planner game's room: 1 to 8 planners in one region. It validates
 * messages, calls the shared rules of shared/src/planner/game/ and writes
 * their result into the schema; the assistant runs in a solver worker; the
 * day's clock of round 3 and the optional round timer run on the room's clock.
 */
export class PlannerRoom extends Room<{ state: PlannerStateSchema }> {
  config: PlannerConfig = DEFAULT_PLANNER_CONFIG;
  solver!: SolverPool;
  protected seats = new Map<string, PlannerSeat>();
  protected game: PlannerGame | null = null;
  protected difficulty: PlannerJoinOptions["difficulty"] = 2;
  protected seed = 0;
  private buckets = new Map<string, TokenBucket>();
  private roundTimer: { clear(): void } | null = null;
  /** This room's own round length (s), set by a workshop; 0: the server's `config.roundSeconds`. */
  protected ownRoundSeconds = 0;
  /** How long a round lasts before it ends on its own (s); 0: until the host or facilitator ends it. */
  protected get roundSeconds(): number {
    return this.ownRoundSeconds || this.config.roundSeconds;
  }
  private dayTimer: { clear(): void } | null = null;
  /** Proposals under way, per planner: a second request waits for the first. */
  private solving = new Set<string>();
  /** While paused: what was left of the round timer (ms), to run on after the resume. */
  protected roundLeftMs = 0;

  override onCreate(raw: unknown): void {
    const options = this.parseJoin(raw);
    this.difficulty = options.difficulty;
    this.maxClients = options.planners;
    this.seed = this.config.seed ?? randomInt(0, 2 ** 31);
    this.state = new PlannerStateSchema({});
    const on = <K extends keyof typeof plannerSchemas>(
      type: K,
      handle: (client: Client, payload: NonNullable<ReturnType<typeof parsePlannerPayload<K>>>) => void,
    ) =>
      this.onMessage(PlannerClientMessage[type], (client, raw) => {
        this.guard(client, () => {
          const payload = parsePlannerPayload(type, raw);
          if (!payload) return { code: "BAD_MESSAGE" };
          if (this.state.paused && type !== "preview") return { code: "PAUSED" };
          return handle(client, payload) ?? null;
        });
      });
    on("start", (client) => this.onStart(client));
    on("next", (client) => this.onNext(client));
    on("plan", (client, p) => this.apply(setPlan(this.mustGame(), client.sessionId, p.plan as Plan), client));
    on("assist", (client) => this.onAssist(client));
    on("acceptProposal", (client) => this.apply(acceptProposal(this.mustGame(), client.sessionId), client));
    on("reveal", (client, p) => this.apply(revealFloor(this.mustGame(), client.sessionId, p.order), client));
    on("offer", (client, p) => this.apply(offerOrder(this.mustGame(), client.sessionId, p.order), client));
    on("withdraw", (client, p) => this.apply(withdrawOffer(this.mustGame(), client.sessionId, p.offer), client));
    on("accept", (client, p) => this.apply(acceptOffer(this.mustGame(), client.sessionId, p.offer), client));
    on("preview", (client, p) => this.onPreview(client, p.offer));
    this.onMessage("*", (client) => this.guard(client, () => ({ code: "BAD_MESSAGE" })));
  }

  override onJoin(client: Client, raw: unknown): void {
    const options = this.parseJoin(raw);
    if (this.game) throw new ServerError(BAD_OPTIONS, "the game has started");
    const taken = new Set([...this.seats.values()].map((s) => s.seat));
    let seat = 0;
    while (taken.has(seat)) seat++;
    const info: PlannerSeat = { id: client.sessionId, name: options.name, seat, lang: options.lang, connected: true };
    this.seats.set(client.sessionId, info);
    const planner = new PlannerSchema({ name: info.name, seat, connected: true, carrier: "" });
    this.state.planners.set(client.sessionId, planner);
    if (this.state.host === "") this.state.host = client.sessionId;
    client.view = new StateView();
    client.view.add(planner);
  }

  override async onDrop(client: Client): Promise<void> {
    this.setConnected(client.sessionId, false);
    await this.allowReconnection(client, this.config.reconnectSeconds);
  }

  override onReconnect(client: Client): void {
    this.setConnected(client.sessionId, true);
  }

  override onLeave(client: Client): void {
    if (!this.game) {
      this.seats.delete(client.sessionId);
      this.state.planners.delete(client.sessionId);
      if (this.state.host === client.sessionId) this.state.host = [...this.seats.keys()][0] ?? "";
      return;
    }
    // The carrier stays in the game (its plan still counts); the planner is shown as gone.
    this.setConnected(client.sessionId, false);
  }

  override onDispose(): void {
    this.clock.clear();
  }

  protected parseJoin(raw: unknown): PlannerJoinOptions {
    const options = plannerJoinSchema.safeParse(raw ?? {});
    if (!options.success) {
      throw new ServerError(
        BAD_OPTIONS,
        "invalid options: name (1-24 characters), lang nl|en, difficulty 1-4, planners 1-8",
      );
    }
    return options.data;
  }

  private mustGame(): PlannerGame {
    if (!this.game) throw new NotStarted();
    return this.game;
  }

  private setConnected(id: string, connected: boolean): void {
    const seat = this.seats.get(id);
    if (seat) seat.connected = connected;
    const planner = this.state.planners.get(id);
    if (planner) planner.connected = connected;
  }

  /** Runs a handler under the rate limit; a rejection goes to the sender only, in their language. */
  private guard(client: Client, handle: () => PlannerRejection | null): void {
    let bucket = this.buckets.get(client.sessionId);
    if (!bucket) {
      bucket = new TokenBucket(this.config.rateBurst, this.config.ratePerSecond, this.clock.currentTime);
      this.buckets.set(client.sessionId, bucket);
    }
    let rejection: PlannerRejection | null;
    if (!bucket.take(this.clock.currentTime)) rejection = { code: "RATE_LIMITED" };
    else {
      try {
        rejection = handle();
      } catch (e) {
        rejection = e instanceof NotStarted ? { code: "NOT_IN_ROUND" } : { code: "BAD_MESSAGE" };
      }
    }
    if (rejection) this.reject(client, rejection);
  }

  private reject(client: Client, rejection: PlannerRejection): void {
    const lang = this.seats.get(client.sessionId)?.lang ?? "nl";
    client.send(PlannerServerMessage.rejected, {
      code: rejection.code,
      message: plannerRejectionMessage(rejection, lang),
    });
  }

  /** Takes a rule's result: on success the new game is written and its events sent; a rejection is returned. */
  protected apply(result: PlannerResult, _client?: Client): PlannerRejection | null {
    if (!result.ok) return result.rejection;
    this.commit(result.game, result.events);
    return null;
  }

  protected commit(game: PlannerGame, events: readonly PlannerEvent[]): void {
    this.game = game;
    writePlanner(this.state, game, this.seats);
    for (const event of events) {
      const only = "player" in event && typeof event.player === "string" ? this.clientOf(event.player) : undefined;
      if (event.type === "disruption" && only) only.send(PlannerServerMessage.event, event);
      else if (event.type !== "disruption") this.broadcast(PlannerServerMessage.event, event);
      if (event.type === "game-finished") this.sendResults(game);
      if (event.type === "round-ended") this.onRoundEnded();
    }
    this.afterChange();
  }

  /** At the end: every round's results to everyone, and to each planner their own competence profile. */
  private sendResults(game: PlannerGame): void {
    const profiles = assess(game);
    for (const client of this.clients) {
      const own = profiles[client.sessionId];
      client.send(PlannerServerMessage.results, {
        names: game.names,
        results: game.results,
        profiles: own ? { [client.sessionId]: own } : {},
      });
    }
  }

  private clientOf(player: string): Client | undefined {
    return this.clients.getById(player);
  }

  /** Called after every change (the workshop room saves the game here). */
  protected afterChange(): void {}

  private onStart(client: Client): PlannerRejection | null {
    if (client.sessionId !== this.state.host) return { code: "NOT_HOST" };
    return this.begin();
  }

  /** Deals every planner a carrier and starts round 1. */
  protected begin(): PlannerRejection | null {
    if (this.game) return { code: "ALREADY_STARTED" };
    const players = [...this.seats.values()].sort((a, b) => a.seat - b.seat).map((s) => ({ id: s.id, name: s.name }));
    const created = newPlannerGame({ players, difficulty: this.difficulty, seed: this.seed });
    if (!created.ok) return created.rejection;
    void this.lock();
    this.commit(created.game, created.events);
    return this.beginRound(1);
  }

  private onNext(client: Client): PlannerRejection | null {
    if (client.sessionId !== this.state.host) return { code: "NOT_HOST" };
    return this.advance();
  }

  /** Ends the round under way, or starts the next one after a review. */
  protected advance(): PlannerRejection | null {
    const game = this.mustGame();
    if (game.phase === "round") return this.finishRound();
    return this.beginRound(game.round + 1);
  }

  protected beginRound(round: number): PlannerRejection | null {
    const result = startRound(this.mustGame(), round as 1 | 2 | 3 | 4);
    if (!result.ok) return result.rejection;
    this.commit(result.game, result.events);
    this.roundLeftMs = 0;
    this.runRoundTimer(this.roundSeconds * 1000);
    if (round === 3) this.runDay();
    return null;
  }

  /** Ends the round under way after `ms` (none when 0); `roundEndsAt` shows when. */
  protected runRoundTimer(ms: number): void {
    this.roundTimer?.clear();
    this.roundTimer = null;
    this.state.roundEndsAt = 0;
    if (ms <= 0) return;
    this.state.roundEndsAt = Date.now() + ms;
    this.roundTimer = this.clock.setTimeout(() => void this.finishRound(), ms);
  }

  /**
   * Pauses or resumes the game: while paused every message that would change
   * it is refused with PAUSED (a preview is still answered), the day's clock
   * stands still and the round timer keeps what was left of it.
   */
  setPaused(paused: boolean): void {
    if (this.state.paused === paused) return;
    this.state.paused = paused;
    if (paused) {
      this.roundLeftMs = this.state.roundEndsAt > 0 ? Math.max(1, this.state.roundEndsAt - Date.now()) : 0;
      this.runRoundTimer(0);
    } else if (this.roundLeftMs > 0 && this.game?.phase === "round") {
      this.runRoundTimer(this.roundLeftMs);
      this.roundLeftMs = 0;
    }
    this.afterChange();
  }

  /** Round 3: the day moves on at the configured pace; disruptions arrive as their time comes. */
  protected runDay(): void {
    this.dayTimer?.clear();
    const step = (this.config.minutesPerSecond * this.config.clockTickMs) / 1000;
    this.dayTimer = this.clock.setInterval(() => {
      const game = this.game;
      if (!game || game.phase !== "round" || game.round !== 3 || this.state.paused) return;
      const result = advanceClock(game, game.clock + step);
      if (result.ok) this.commit(result.game, result.events);
    }, this.config.clockTickMs);
  }

  protected finishRound(): PlannerRejection | null {
    this.runRoundTimer(0);
    this.roundLeftMs = 0;
    this.dayTimer?.clear();
    return this.apply(endRound(this.mustGame()));
  }

  private onRoundEnded(): void {
    if (this.game?.phase === "finished") this.clock.setTimeout(() => void this.disconnect(), this.config.lingerMs);
  }

  /** Asks the assistant for a proposal for this planner's carrier (in a worker), then records and sends it. */
  private onAssist(client: Client): PlannerRejection | null {
    const game = this.mustGame();
    const player = client.sessionId;
    const carrier = game.carriers[player];
    if (!carrier) return { code: "UNKNOWN_PLAYER" };
    // The rules decide whether the assistant may plan now: try recording the current plan as a stand-in.
    const allowed = recordProposal(game, player, carrier.plan);
    if (!allowed.ok) return allowed.rejection;
    if (this.solving.has(player)) return null;
    this.solving.add(player);
    const { instance, toPlan } = assistantProblem(carrier.scenario, assistantContext(game, player));
    const round = game.round;
    this.solver
      .solve(instance, { seed: this.seed + round, timeLimitMs: this.config.assistantMs })
      .then((solution) => {
        this.solving.delete(player);
        const now = this.game;
        if (!now || now.round !== round || now.phase !== "round") return;
        const plan = toPlan(solution);
        const recorded = recordProposal(now, player, plan);
        if (!recorded.ok) {
          const c = this.clientOf(player);
          if (c) this.reject(c, recorded.rejection);
          return;
        }
        this.commit(recorded.game, recorded.events);
        this.clientOf(player)?.send(PlannerServerMessage.proposal, { plan });
      })
      .catch((e: unknown) => {
        this.solving.delete(player);
        console.error("the planning assistant failed", e);
        const c = this.clientOf(player);
        if (c) this.reject(c, { code: "ASSISTANT_FAILED" });
      });
    return null;
  }

  private onPreview(client: Client, offer: string): PlannerRejection | null {
    const preview = previewOffer(this.mustGame(), offer, client.sessionId);
    if (!preview.ok) return preview.rejection;
    client.send(PlannerServerMessage.preview, { offer, ...preview.preview });
    return null;
  }
}

/** Thrown by `mustGame` before the game has started; answered with NOT_IN_ROUND. */
class NotStarted extends Error {}

/** The planner room class with its configuration and solver pool baked in. */
export function plannerRoomWith(config: PlannerConfig, solver: SolverPool): typeof PlannerRoom {
  return class ConfiguredPlannerRoom extends PlannerRoom {
    override config = config;
    override solver = solver;
  };
}
