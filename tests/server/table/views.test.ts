import { describe, expect, it } from "vitest";
import type { Room } from "@colyseus/sdk";
import { CARD_IDS } from "@iot/shared/quartet/cardIds";
import type { QuartetSeatView } from "@iot/shared/quartet/game";
import { legalAsks } from "@iot/shared/quartet/seatView";
import { quartetSeatViewSchema } from "@iot/shared/quartet/tableSchema";
import { plannerSeatViewSchema, type PlannerSeatView } from "@iot/shared/planner/seatView";
import { patchView, type ViewOperation } from "@iot/shared/table/patch";
import { tableViewSchema, type TableView } from "@iot/shared/table/view";
import {
  invariantTotal,
  legalAskFor,
  PLAYER_THINKS_MS,
  useTestServer,
  testRandom,
  waitForState,
  type QRoom,
} from "../harness.js";

const env = useTestServer();

/** Checks of `until` waiting for the views to change (each runs on every view message). */
const waiting = new Set<() => void>();

/** A client on the view route: the view it holds after applying every `view` message, and the raw frames it got. */
function follow<V>(room: Room) {
  const frames: Buffer[] = [];
  const events = room.connection.events as { onmessage?: (e: MessageEvent) => void };
  const original = events.onmessage;
  events.onmessage = (e: MessageEvent) => {
    frames.push(Buffer.from(e.data as ArrayBuffer));
    original?.(e);
  };
  const tracker = { view: null as TableView<V> | null, seq: 0, gaps: 0, frames, fulls: 0 };
  room.onMessage("view", (m: { seq: number; full?: TableView<V>; ops?: ViewOperation[] }) => {
    if (m.full !== undefined) {
      tracker.view = m.full;
      tracker.fulls++;
    } else if (tracker.view && m.ops && m.seq === tracker.seq + 1) tracker.view = patchView(tracker.view, m.ops);
    else tracker.gaps++;
    tracker.seq = m.seq;
    for (const check of [...waiting]) check();
  });
  room.send("resync", {});
  return tracker;
}

/** Resolves when `holds` (checked with every view message any client gets). */
function until(what: string, holds: () => boolean, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!holds()) return;
      waiting.delete(check);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      waiting.delete(check);
      reject(new Error(`${what} not met within ${ms} ms`));
    }, ms);
    waiting.add(check);
    check();
  });
}

/** Asks for the whole view again and resolves with it. */
function resync<V>(room: Room): Promise<TableView<V>> {
  return new Promise((resolve) => {
    const off = room.onMessage("view", (m: { full?: TableView<V> }) => {
      if (m.full === undefined) return;
      off();
      resolve(m.full);
    });
    room.send("resync", {});
  });
}

const quartetView = tableViewSchema(quartetSeatViewSchema);

describe("the view route", () => {
  it("gives each quartet seat its own hand and nothing of another's, and patches that add up to the whole view", async () => {
    const host = await env.client.create("quartet", { name: "Host", seats: 4, views: true });
    const rooms = [host];
    for (let i = 1; i < 4; i++) rooms.push(await env.client.joinById(host.roomId, { name: `P${i}`, views: true }));
    const views = rooms.map((r) => follow<QuartetSeatView>(r));
    await until("everyone sees four seats", () => views.every((v) => v.view?.seats.length === 4));
    host.send("start", {});
    await until("the deal", () => views.every((v) => (v.view?.game?.hand.length ?? 0) > 0));
    for (const v of views) {
      const hand = new Set(v.view?.game?.hand);
      const all = Buffer.concat(v.frames).toString("latin1");
      const seen = CARD_IDS.filter((id) => all.includes(id));
      expect(seen.filter((c) => !hand.has(c))).toEqual([]);
      expect(seen.length).toBe(hand.size);
    }
    const rnd = testRandom(11);
    for (let n = 0; n < 40; n++) {
      const game = views[0]?.view?.game;
      if (!game || game.phase !== "playing") break;
      const i = rooms.findIndex((r) => r.sessionId === game.turn);
      const mine = views[i]?.view?.game as QuartetSeatView;
      const options = legalAsks(mine);
      const ask = options[Math.floor(rnd() * options.length)];
      if (!ask) break;
      const asks = mine.history.filter((e) => e.type === "asked").length;
      env.clock.advance(PLAYER_THINKS_MS);
      rooms[i]?.send("ask", { to: ask.to, card: ask.card });
      await until("the ask reaches every view", () =>
        views.every((v) => (v.view?.game?.history.filter((e) => e.type === "asked").length ?? 0) > asks),
      );
    }
    for (const [i, v] of views.entries()) {
      const view = v.view as TableView<QuartetSeatView>;
      expect(quartetView.safeParse(view).success).toBe(true);
      expect(v.gaps).toBe(0);
      const game = view.game as QuartetSeatView;
      const total = game.stockCount + game.players.reduce((n, p) => n + p.handCount + 4 * p.quartets.length, 0);
      expect(total).toBe(20);
      expect(game.hand.length).toBe(game.players.find((p) => p.id === view.me)?.handCount);
      expect(await resync<QuartetSeatView>(rooms[i] as Room)).toEqual(view);
    }
    expect(views.every((v) => v.fulls === 2)).toBe(true);
    await Promise.all(rooms.map((r) => r.leave()));
  });

  it("sends a planner their carrier and the region, and a plan edit as a small patch", async () => {
    const a = await env.client.create("planner", { name: "Anna", planners: 2, difficulty: 1 });
    const b = await env.client.joinById(a.roomId, { name: "Bo" });
    const va = follow<PlannerSeatView>(a);
    const vb = follow<PlannerSeatView>(b);
    await until("both seated", () => va.view?.seats.length === 2 && vb.view?.seats.length === 2);
    a.send("start", {});
    await until("round 1", () => va.view?.game?.phase === "round" && vb.view?.game?.phase === "round");
    const carrier = va.view?.game?.carrier;
    expect(carrier).toBeTruthy();
    expect(plannerSeatViewSchema.safeParse(va.view?.game).success).toBe(true);
    // Each planner sees their own orders only.
    const theirs = vb.view?.game?.carrier?.scenario.orders.map((o) => o.id) ?? [];
    const aBytes = Buffer.concat(va.frames).toString("latin1");
    expect(theirs.filter((id) => aBytes.includes(`"${id}"`) || aBytes.includes(id))).toEqual([]);
    const vehicle = carrier?.scenario.fleet[0]?.id as string;
    const order = carrier?.scenario.orders[0]?.id as string;
    const before = va.frames.length;

    a.send("plan", { plan: { routes: [{ vehicle, orders: [order] }] } });
    await until("the plan in the view", () => va.view?.game?.carrier?.plan.routes[0]?.orders[0] === order);
    await until("the other planner sees the new figures", () => (vb.view?.game?.planners[0]?.deliveries ?? 0) === 1);
    const patchBytes = va.frames.slice(before).reduce((n, f) => n + f.length, 0);
    const fullBytes = Buffer.from(JSON.stringify(va.view)).length;
    expect(patchBytes).toBeLessThan(fullBytes / 2);
    expect(await resync<PlannerSeatView>(a)).toEqual(va.view);
    expect(va.gaps + vb.gaps).toBe(0);
    await Promise.all([a.leave(), b.leave()]);
  });
});

describe("a table of both routes", () => {
  it("keeps the contract's state right for a contract client among view clients", async () => {
    const host = await env.client.create("quartet", { name: "Host", seats: 4, views: true });
    const rooms = [host];
    for (let i = 1; i < 3; i++) rooms.push(await env.client.joinById(host.roomId, { name: `P${i}`, views: true }));
    const views = rooms.map((r) => follow<QuartetSeatView>(r));
    await until("the view clients are in", () => views.every((v) => v.view?.seats.length === 3));
    const reader = (await env.client.joinById(host.roomId, { name: "Reader" })) as unknown as QRoom;
    await waitForState(reader, (s) => s.players.size === 4);
    host.send("start", {});
    await until("the deal", () => views.every((v) => (v.view?.game?.hand.length ?? 0) > 0));
    await waitForState(
      reader,
      (s) => s.phase === "playing" && (s.players.get(reader.sessionId)?.hand?.length ?? 0) > 0,
    );
    const rnd = testRandom(5);
    for (let n = 0; n < 20; n++) {
      const game = views[0]?.view?.game;
      if (!game || game.phase !== "playing") break;
      const before = game.history.filter((e) => e.type === "asked").length;
      const i = rooms.findIndex((r) => r.sessionId === game.turn);
      if (i >= 0) {
        const mine = views[i]?.view?.game as QuartetSeatView;
        const ask = legalAsks(mine)[Math.floor(rnd() * legalAsks(mine).length)];
        if (!ask) break;
        env.clock.advance(PLAYER_THINKS_MS);
        rooms[i]?.send("ask", { to: ask.to, card: ask.card });
      } else {
        const ask = legalAskFor(reader, rnd);
        if (!ask) break;
        env.clock.advance(PLAYER_THINKS_MS);
        reader.send("ask", ask);
      }
      await until("the ask in every view", () =>
        views.every((v) => (v.view?.game?.history.filter((e) => e.type === "asked").length ?? 0) > before),
      );
      await waitForState(reader, (s) => s.asks > before);
      // The reader's state says what the views say: counts, quartets, turn.
      const view = views[0]?.view?.game as QuartetSeatView;
      expect(invariantTotal(reader.state)).toBe(20);
      for (const p of view.players) expect(reader.state.players.get(p.id)?.handCount).toBe(p.handCount);
      expect(reader.state.turn).toBe(view.turn ?? "");
    }
    await Promise.all([...rooms, reader].map((r) => r.leave()));
  });
});
