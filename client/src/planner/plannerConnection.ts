/**
 * The one owner of a planner room. Screens never touch the SDK: they listen
 * to typed events (state, proposal, preview, event, results, rejected,
 * connection) and call the planner's actions.
 */
import { Client, type Room } from "@colyseus/sdk";
import type { CarrierView } from "@iot/shared/planner/carrierView";
import type { Plan } from "@iot/shared/planner/evaluate";
import type { PlannerEvent } from "@iot/shared/planner/game/types";
import {
  plannerMessages,
  type PlannerPayloads,
  type PreviewPayload,
  type ProposalPayload,
  type ResultsPayload,
} from "@iot/shared/planner/protocol";
import { plannerSeatViewSchema, type PlannerSeatView } from "@iot/shared/planner/seatViewSchema";
import type { TableView } from "@iot/shared/table/view";
import { PLANNER_ROOM, type Lang } from "../net/constants.js";
import { RoomConnection, sessionSeat, type Rejoin } from "../net/roomConnection.js";
import { workshopRejoin } from "../workshop/rejoin.js";
import { serverUrl } from "../net/serverUrl.js";
import type { ConnectionStatus } from "../net/connectionStatus.js";
import { onChecked, ViewFollower } from "../net/viewFollower.js";

/** A planner of the region as every client sees it. */
export interface PlannerInfo {
  id: string;
  name: string;
  seat: number;
  connected: boolean;
  cost: number;
  km: number;
  co2Kg: number;
  late: number;
  unplanned: number;
  deliveries: number;
}

export interface OfferInfo {
  id: string;
  from: string;
  order: string;
  town: string;
  pallets: number;
  ready: number;
  due: number;
  status: string;
  takenBy: string;
}

export interface StandingInfo {
  player: string;
  name: string;
  place: number;
  score: number;
  cost: number;
  co2Kg: number;
  late: number;
  unplanned: number;
}

/** The room's state, decoded into plain data, with this planner's own carrier. */
export interface PlannerTableState {
  phase: string;
  round: number;
  /** Minutes after midnight in the game day. */
  clock: number;
  roundEndsAt: number;
  host: string;
  planners: PlannerInfo[];
  offers: OfferInfo[];
  leaderboard: StandingInfo[];
  leaderboardRound: number;
  region: { km: number; co2Kg: number; kmRound3: number; co2KgRound3: number };
  notice: string;
  paused: boolean;
  carrier: CarrierView | null;
}

export interface PlannerRejected {
  code: string;
  message: string;
}

export interface PlannerNetEvents {
  state: PlannerTableState;
  proposal: ProposalPayload;
  preview: PreviewPayload;
  event: PlannerEvent;
  results: ResultsPayload;
  rejected: PlannerRejected;
  connection: ConnectionStatus;
}

/** The region as the desk draws it, from the planner's view: planners in seat order with their figures, and the own carrier. */
export function toPlannerState(view: TableView<PlannerSeatView>): PlannerTableState {
  const game = view.game;
  return {
    phase: game?.phase ?? "waiting",
    round: game?.round ?? 0,
    clock: game?.clock ?? 0,
    roundEndsAt: game?.roundEndsAt ?? 0,
    host: view.host,
    planners: view.seats.map((s) => {
      const figures = game?.planners.find((p) => p.id === s.id);
      return {
        id: s.id,
        name: s.name,
        seat: s.seat,
        connected: s.connected,
        cost: figures?.cost ?? 0,
        km: figures?.km ?? 0,
        co2Kg: figures?.co2Kg ?? 0,
        late: figures?.late ?? 0,
        unplanned: figures?.unplanned ?? 0,
        deliveries: figures?.deliveries ?? 0,
      };
    }),
    offers: (game?.offers ?? []).map((o) => ({ ...o, takenBy: o.takenBy ?? "" })),
    leaderboard: game?.leaderboard ?? [],
    leaderboardRound: game?.leaderboardRound ?? 0,
    region: {
      km: game?.regionKm ?? 0,
      co2Kg: game?.regionCo2Kg ?? 0,
      kmRound3: game?.regionKmRound3 ?? 0,
      co2KgRound3: game?.regionCo2KgRound3 ?? 0,
    },
    notice: view.notice,
    paused: view.paused,
    carrier: game?.carrier ?? null,
  };
}

const EMPTY: PlannerTableState = toPlannerState({
  me: "",
  host: "",
  paused: false,
  notice: "",
  turnDeadline: 0,
  seats: [],
  game: null,
});

/** The planner's seat for a reload. */
const SEAT = sessionSeat("iot.planner.reconnect");

/** A planner's seat in a region, over the network. */
export class PlannerConnection extends RoomConnection<PlannerNetEvents> {
  state: PlannerTableState = EMPTY;
  /** Every round's results and this planner's profile, once the game has ended. */
  results: ResultsPayload | null = null;

  private constructor(room: Room, rejoin?: Rejoin) {
    super(room, SEAT, rejoin);
    this.attach(room);
  }

  protected wire(room: Room): void {
    new ViewFollower(room, plannerSeatViewSchema, (view) => {
      this.state = toPlannerState(view);
      this.emit("state", this.state);
    });
    const server = plannerMessages.server;
    onChecked(room, "proposal", server.proposal, (p) => this.emit("proposal", p));
    onChecked(room, "preview", server.preview, (p) => this.emit("preview", p));
    onChecked(room, "event", server.event, (e) => this.emit("event", e));
    onChecked(room, "results", server.results, (r) => {
      this.results = r;
      this.emit("results", r);
    });
    onChecked(room, "rejected", server.rejected, (p) => this.emit("rejected", { code: p.code, message: p.message }));
  }

  protected wantsSeat(): boolean {
    return this.state.phase !== "finished";
  }

  /** Opens a region for `planners` planners (the creator is the host and starts it). */
  static async create(choices: {
    name: string;
    lang: Lang;
    difficulty: 1 | 2 | 3 | 4;
    planners: number;
  }): Promise<PlannerConnection> {
    return new PlannerConnection(await new Client(serverUrl()).create(PLANNER_ROOM, choices));
  }

  /** Joins a region by its code (the room id). */
  static async join(code: string, choices: { name: string; lang: Lang }): Promise<PlannerConnection> {
    return new PlannerConnection(await new Client(serverUrl()).joinById(code.trim(), choices));
  }

  /** Takes the seat a workshop participant was given, with their participant token. */
  static async joinWorkshop(roomId: string, token: string, lang: Lang): Promise<PlannerConnection> {
    const join = (id: string) => new Client(serverUrl()).joinById(id, { token, lang });
    return new PlannerConnection(await join(roomId), workshopRejoin(token, join));
  }

  /** Takes the remembered seat back after a reload; null when there is none or the region is gone. */
  static async resume(): Promise<PlannerConnection | null> {
    const token = SEAT.token();
    if (!token) return null;
    try {
      return new PlannerConnection(await new Client(serverUrl()).reconnect(token));
    } catch {
      SEAT.forget();
      return null;
    }
  }

  /** Sends client message `type` of the planner's message table, with its payload type. */
  private send<K extends keyof PlannerPayloads>(type: K, payload: PlannerPayloads[K]): void {
    this.room.send(type, payload);
  }

  start(): void {
    this.send("start", {});
  }
  /** Host: ends the round under way, or starts the next one. */
  next(): void {
    this.send("next", {});
  }
  setPlan(plan: Plan): void {
    this.send("plan", { plan });
  }
  assist(): void {
    this.send("assist", {});
  }
  acceptProposal(): void {
    this.send("acceptProposal", {});
  }
  /** Locks (or unlocks) one truck's route or one stop for the assistant's "optimise the rest". */
  lock(target: { vehicle: string } | { order: string }, locked: boolean): void {
    this.send("lock", { ...target, locked });
  }
  reveal(order: string): void {
    this.send("reveal", { order });
  }
  offer(order: string): void {
    this.send("offer", { order });
  }
  withdraw(offer: string): void {
    this.send("withdraw", { offer });
  }
  preview(offer: string): void {
    this.send("preview", { offer });
  }
  accept(offer: string): void {
    this.send("accept", { offer });
  }
}
