import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../server/src/db/database.js";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { PLANNER_CSV_COLUMNS } from "../../../server/src/workshop/plannerDebrief.js";
import { WORKSHOP_PLANNER_ROOM } from "../../../server/src/workshop/service.js";
import { ManualScheduler } from "../../../server/src/table/scheduler.js";
import type { PlannerTable } from "@iot/shared/planner/game/definition";
import type { RoundResult } from "@iot/shared/planner/game/index";
import type { Debrief } from "@iot/shared/workshop/debrief";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { tableOf } from "../harness.js";
import { myCarrier, plannerRoom, runDayUntil, waitFor, type PRoom } from "../planner/harness.js";
import { assistAndAccept, handPlan, planOf, refused } from "../planner/play.js";
import type { CarrierView } from "@iot/shared/planner/carrierView";
import {
  allAt,
  eventually,
  http,
  joinRegions,
  plannerLive,
  startWorkshopServer,
  type Http,
  type Overview,
} from "./plannerHarness.js";

const COMPETENCE_KEYS = ["efficiency", "green", "service", "adaptivity", "collaboration", "digital"];

/** A workshop table starts with whoever came this long after it opened (the production default, ms). */
const GRACE_MS = 30_000;

/** Signs Ann in and creates a planner workshop; returns its id and join code. */
async function plannerWorkshop(
  ann: Http,
  title: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; code: string }> {
  await ann("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
  const created = await ann("POST", "/workshops", {
    title,
    game: "planner",
    tableSize: 2,
    difficulty: 1,
    lang: "en",
    ...extra,
  });
  expect(created.status).toBe(201);
  return created.data as unknown as { id: string; code: string };
}

async function joinAll(guest: Http, code: string, names: readonly string[]): Promise<string[]> {
  const tokens: string[] = [];
  for (const name of names) tokens.push(String((await guest("POST", "/join", { code, name })).data.token));
  return tokens;
}

/** Every planner sets a plan by hand and waits until it is in force. */
async function planByHand(rooms: readonly PRoom[]): Promise<void> {
  for (const r of rooms) {
    const plan = handPlan(myCarrier(r) as CarrierView);
    r.send("plan", { plan });
    await waitFor(r, () => planOf(r) === JSON.stringify(plan), "hand plan set");
  }
}

describe.each(["sqlite", "postgres"] as const)("planner workshops on %s", (dialect) => {
  let t: TestDb;
  let env: Awaited<ReturnType<typeof startWorkshopServer>>;
  /** The tables' time: it moves only when the test says so. */
  let clock: ManualScheduler;
  const reopened: Db[] = [];
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    await new WorkshopStore(t.db).addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    clock = new ManualScheduler();
    env = await startWorkshopServer(t.db, clock);
  });
  /** The region's game as the server holds it (no patch in between); null before it starts. */
  const atServer = (roomId: string) => (tableOf(env.server, roomId).game as PlannerTable | null)?.game ?? null;
  afterAll(async () => {
    await env?.server.shutdown();
    for (const db of reopened) await db.destroy();
    await t.cleanup();
  });

  it("runs regions: tokens, pause, rounds moved on by the facilitator, live KPIs, debrief, CSV and PDF", async () => {
    const ann = http();
    await ann("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    expect((await ann("POST", "/workshops", { title: "Te groot", game: "planner", tableSize: 9 })).status).toBe(400);
    expect((await ann("POST", "/workshops", { title: "Kwartet van twee", tableSize: 2 })).status).toBe(400);
    const w = await plannerWorkshop(ann, "Regio Noord: planners");
    const guest = http("en");
    const tokens = await joinAll(guest, w.code, ["Anna", "Bram", "Chris"]);

    // Two regions: Anna and Chris, and Bram on his own.
    let overview = (await ann("POST", `/workshops/${w.id}/tables/form`)).data as unknown as Overview;
    expect(overview.tables.map((x) => x.participants.map((p) => p.name))).toEqual([["Anna", "Chris"], ["Bram"]]);
    await ann("POST", `/workshops/${w.id}/start`);

    // Only the server opens regions; only a region's own participants join it, once.
    const lobby = async (token: string) =>
      ((await guest("GET", "/lobby", undefined, token)).data as unknown as { table: { roomId: string } }).table.roomId;
    const region1 = await lobby(tokens[0] as string);
    await expect(env.sdk.create(WORKSHOP_PLANNER_ROOM, { name: "x" })).rejects.toThrow();
    await expect(env.sdk.joinById(region1, { token: "forged" })).rejects.toThrow();
    await expect(env.sdk.joinById(region1, { token: tokens[1] })).rejects.toThrow();
    const rooms = await joinRegions(env.sdk, guest, tokens);
    const [anna, bram, chris] = rooms as [PRoom, PRoom, PRoom];
    await allAt(rooms, "round", 1);
    expect(anna.state.planners.size).toBe(2);
    expect(bram.state.planners.size).toBe(1);
    expect(myCarrier(anna)?.scenario.orders[0]?.id).toMatch(/^c1-/);
    expect(myCarrier(chris)?.scenario.orders[0]?.id).toMatch(/^c2-/);
    await refused(anna, "next", {}, "NOT_HOST");

    // Pause holds the regions (plans are refused), a message reaches them, resume lets them plan again.
    await ann("POST", `/workshops/${w.id}/pause`);
    await Promise.all(rooms.map((r) => waitFor(r, (s) => s.paused, "paused")));
    await refused(anna, "plan", { plan: handPlan(myCarrier(anna) as CarrierView) }, "PAUSED");
    await ann("POST", `/workshops/${w.id}/message`, { text: "Nog 10 minuten" });
    await waitFor(bram, (s) => s.notice === "Nog 10 minuten", "notice");
    await ann("POST", `/workshops/${w.id}/resume`);
    await Promise.all(rooms.map((r) => waitFor(r, (s) => !s.paused, "resumed")));

    // Round 1 by hand; the live overview shows every planner's key figures.
    await planByHand(rooms);
    overview = (await ann("GET", `/workshops/${w.id}`)).data as unknown as Overview;
    const live = plannerLive(overview.tables[0]?.live);
    expect(live).toMatchObject({ game: "planner", phase: "round", round: 1, paused: false });
    expect(live?.planners.map((p) => p.name)).toEqual(["Anna", "Chris"]);
    for (const p of live?.planners ?? []) {
      expect(p.connected).toBe(true);
      expect(p.cost).toBeGreaterThan(0);
      expect(p.km).toBeGreaterThan(0);
      expect(p.co2Kg).toBeGreaterThan(0);
      expect(p.late).toBeGreaterThanOrEqual(0);
      expect(p.unplanned).toBeGreaterThanOrEqual(0);
    }
    expect(live?.planners[0]?.cost).toBeCloseTo(anna.state.planners.get(anna.sessionId)?.cost ?? 0, 2);
    expect(live?.clock).toBeGreaterThan(0);

    // The facilitator ends round 1 everywhere; ending a round in review is refused.
    await ann("POST", `/workshops/${w.id}/next`);
    await allAt(rooms, "review", 1);
    const table1 = overview.tables[0]?.id as string;
    const wrong = await ann("POST", `/workshops/${w.id}/tables/${table1}/next`, { action: "end" });
    expect(wrong).toMatchObject({ status: 409, data: { code: "WRONG_PHASE" } });
    expect((await ann("POST", `/workshops/${w.id}/tables/nope/next`)).status).toBe(404);

    // Round 2: everyone asks the assistant and accepts.
    await ann("POST", `/workshops/${w.id}/next`, { action: "start" });
    await allAt(rooms, "round", 2);
    for (const r of rooms) await assistAndAccept(r);
    await ann("POST", `/workshops/${w.id}/next`);
    await allAt(rooms, "review", 2);

    // Round 3: the day runs; Anna replans with the assistant.
    await ann("POST", `/workshops/${w.id}/next`);
    await allAt(rooms, "round", 3);
    // The day runs a while (2 game minutes a second of table time), to 07:02.
    await runDayUntil(clock, anna, 7 * 60 + 2);
    await assistAndAccept(anna);
    await ann("POST", `/workshops/${w.id}/next`, { action: "end" });
    await allAt(rooms, "review", 3);

    // Round 4, table by table: Anna offers an order, Chris takes it over.
    for (const table of overview.tables) {
      const started = await ann("POST", `/workshops/${w.id}/tables/${table.id}/next`, { action: "start" });
      expect(started.status).toBe(200);
    }
    await allAt(rooms, "round", 4);
    const mine = myCarrier(anna) as CarrierView;
    const given = mine.scenario.orders.find((o) => !mine.locked.includes(o.id))?.id as string;
    anna.send("offer", { order: given });
    await waitFor(chris, (s) => [...s.offers].some((o) => o.order === given && o.status === "open"), "offer seen");
    chris.send("accept", { offer: [...chris.state.offers].find((o) => o.order === given)?.id });
    await waitFor(chris, () => myCarrier(chris)?.scenario.orders.some((o) => o.id === given) ?? false, "taken over");

    // The last results each planner got: they come again when a reference plan completes a round late.
    const sent: ({ results: RoundResult[]; profiles: Record<string, Record<string, number | null>> } | undefined)[] =
      rooms.map(() => undefined);
    rooms.forEach((r, i) => r.onMessage("results", (m: NonNullable<(typeof sent)[number]>) => (sent[i] = m)));
    await ann("POST", `/workshops/${w.id}/next`);
    await allAt(rooms, "finished", 4);
    await eventually(
      async () => ((await ann("GET", `/workshops/${w.id}`)).data as unknown as Overview).tables.map((x) => x.status),
      (s) => s.every((x) => x === "finished"),
      "tables finished",
    );
    // Every round of every planner has the assistant's reference plan, whether they asked or not.
    await eventually(
      async () => sent,
      (all) => all.every((m) => m?.results.length && m.results.every((r) => r.reference)),
      "every round measured against its reference plan",
      60_000,
    );
    await eventually(
      async () => (await ann("GET", `/workshops/${w.id}/debrief`)).data as unknown as Debrief,
      (d) => d.tables.every((x) => x.planner?.planners.every((p) => p.rounds.every((r) => r.referenceCost !== null))),
      "the references saved",
    );

    // The debrief: every planner's four rounds as the room reported them, the region's rounds 3 and 4, profiles.
    const d = (await ann("GET", `/workshops/${w.id}/debrief`)).data as unknown as Debrief;
    expect(d.workshop.game).toBe("planner");
    expect(d.tables.map((x) => x.planner?.planners.map((p) => p.name))).toEqual([["Anna", "Chris"], ["Bram"]]);
    const byName = new Map(d.tables.flatMap((x) => x.planner?.planners ?? []).map((p) => [p.name, p]));
    for (const [i, room] of rooms.entries()) {
      const name = ["Anna", "Bram", "Chris"][i] as string;
      const line = byName.get(name);
      expect(line?.rounds.map((r) => r.round)).toEqual([1, 2, 3, 4]);
      const own = sent[i]?.results.filter((r) => r.player === room.sessionId) ?? [];
      expect(line?.rounds.map((r) => [r.cost, r.co2Kg, r.score])).toEqual(
        own.map((r) => [r.kpi.cost, r.kpi.co2Kg, r.score]),
      );
      expect(line?.profile).toEqual(sent[i]?.profiles[room.sessionId]);
      for (const key of COMPETENCE_KEYS) {
        const score = (line?.profile as Record<string, number | null> | null)?.[key];
        // Bram plans alone in his region: collaboration could not be shown.
        if (name === "Bram" && key === "collaboration") expect(score).toBeNull();
        else expect(Number.isInteger(score) && (score as number) >= 0 && (score as number) <= 100).toBe(true);
      }
    }
    expect(byName.get("Anna")?.rounds[1]?.assistantCost).not.toBeNull();
    const region = d.tables[0]?.planner;
    expect(region?.region.map((r) => r.round)).toEqual([1, 2, 3, 4]);
    expect(region?.together?.kmRound3).toBeCloseTo(region?.region[2]?.km ?? -1, 2);
    expect(region?.together?.kmRound4).toBeCloseTo(region?.region[3]?.km ?? -1, 2);
    expect(d.planner?.rounds.map((r) => [r.round, r.planners])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
      [4, 3],
    ]);

    const csv = await ann("GET", `/workshops/${w.id}/export.csv`);
    expect(csv.type).toContain("text/csv");
    const lines = csv.data.toString("utf8").trim().split("\n");
    expect(lines[0]).toBe(PLANNER_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(1 + 3 * 4);
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      expect(cells).toHaveLength(PLANNER_CSV_COLUMNS.length);
      const scores = cells.slice(-6);
      const alone = cells[2] === "Bram";
      expect(scores.every((c, i) => /^\d+$/.test(c) || (alone && i === 4 && c === "n/a"))).toBe(true);
      if (alone) expect(scores[4]).toBe("n/a");
    }
    expect(lines.filter((l) => l.startsWith("1,2,Chris,")).length).toBe(4);
    const pdf = await ann("GET", `/workshops/${w.id}/report.pdf`);
    expect(pdf.type).toContain("application/pdf");
    expect(pdf.data.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.data.length).toBeGreaterThan(4_000);
    // A title page with the rounds compared, and at least a page of charts per table.
    expect(pdf.data.toString("latin1").match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(3);
    await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
  });

  it("starts a region with whoever came when the facilitator says so; a latecomer has no carrier; rounds on the workshop's clock", async () => {
    const ann = http();
    const w = await plannerWorkshop(ann, "Wie er is", { roundMinutes: 5 });
    for (const roundMinutes of [-1, 61, 2.5]) {
      const bad = await ann("POST", "/workshops", { title: "x", game: "planner", roundMinutes });
      expect(bad.status, String(roundMinutes)).toBe(400);
    }
    const guest = http("en");
    const tokens = await joinAll(guest, w.code, ["Fenna", "Gert"]);
    await ann("POST", `/workshops/${w.id}/tables/form`);
    await ann("POST", `/workshops/${w.id}/start`);
    const lobby = (await guest("GET", "/lobby", undefined, tokens[0])).data as unknown as { table: { roomId: string } };
    const fenna = plannerRoom(await env.sdk.joinById(lobby.table.roomId, { token: tokens[0] }));
    fenna.onMessage("event", () => undefined);
    await waitFor(fenna, (s) => s.planners.size === 1, "Fenna seated");
    const overview = (await ann("GET", `/workshops/${w.id}`)).data as unknown as Overview;
    expect(fenna.state.phase).toBe("waiting");
    expect(overview.tables[0]?.live).toMatchObject({ game: "planner", phase: "waiting", round: 0 });

    const table = overview.tables[0]?.id as string;
    expect((await ann("POST", `/workshops/${w.id}/tables/${table}/next`, { action: "end" })).status).toBe(409);
    expect((await ann("POST", `/workshops/${w.id}/tables/${table}/next`)).data).toMatchObject({
      tables: [{ id: table }],
    });
    await waitFor(fenna, (s) => s.phase === "round" && s.round === 1 && myCarrier(fenna) !== null, "round 1");
    expect(fenna.state.planners.size).toBe(1);
    // The workshop's 5 minutes per round, from when the facilitator started it.
    const endsAt = clock.now() + 5 * 60_000;
    expect(fenna.state.roundEndsAt).toBe(endsAt);
    await expect(env.sdk.joinById(lobby.table.roomId, { token: tokens[1] })).rejects.toThrow();

    // Fenna closes the page and comes back with her token: the same carrier and plan.
    await planByHand([fenna]);
    const before = { plan: planOf(fenna), orders: myCarrier(fenna)?.scenario.orders.map((o) => o.id) };
    await fenna.leave();
    await eventually(
      async () => (await ann("GET", `/workshops/${w.id}`)).data as unknown as Overview,
      (o) => plannerLive(o.tables[0]?.live)?.planners[0]?.connected === false,
      "shown as gone",
    );
    const [back] = await joinRegions(env.sdk, guest, [tokens[0] as string]);
    expect({ plan: planOf(back as PRoom), orders: myCarrier(back as PRoom)?.scenario.orders.map((o) => o.id) }).toEqual(
      before,
    );
    // The round ends on its own when its 5 minutes are up, not a millisecond before.
    clock.advance(endsAt - clock.now() - 1);
    expect(atServer(lobby.table.roomId)).toMatchObject({ phase: "round", round: 1 });
    clock.advance(1);
    await waitFor(back as PRoom, (s) => s.phase === "review" && s.round === 1, "round 1 ended by its timer");

    // Fenna opens the desk on a second device while the first is still connected: the new one takes her
    // carrier over (no "already at the table"), the first is closed, and it cannot come back to the seat.
    const firstClosed = new Promise<number>((resolve) => (back as PRoom).onLeave((code) => resolve(code)));
    const second = plannerRoom(await env.sdk.joinById(lobby.table.roomId, { token: tokens[0] }));
    expect(await firstClosed).toBe(4000);
    await waitFor(second, () => planOf(second) === before.plan, "the carrier on the second device");
    expect(second.state.planners.size).toBe(1);
    expect(second.state.planners.get(second.sessionId)?.connected).toBe(true);
    const closed = new Promise<number>((resolve) => second.onLeave((code) => resolve(code)));
    const ended = (await ann("POST", `/workshops/${w.id}/end`)).data as unknown as Overview;
    expect(ended.workshop.status).toBe("ended");
    expect(ended.tables[0]?.status).toBe("ended");
    await closed;
  });

  it("starts a region on its own with whoever came, the grace time after the first arrival when nobody came at first", async () => {
    const ann = http();
    const w = await plannerWorkshop(ann, "Wie komt er");
    const guest = http("en");
    const tokens = await joinAll(guest, w.code, ["Hans", "Ilse"]);
    await ann("POST", `/workshops/${w.id}/tables/form`);
    await ann("POST", `/workshops/${w.id}/start`);
    const lobby = (await guest("GET", "/lobby", undefined, tokens[0])).data as unknown as { table: { roomId: string } };
    const roomId = lobby.table.roomId;
    // Nobody comes within the grace time: the region does not start empty.
    clock.advance(GRACE_MS + 15_000);
    expect(tableOf(env.server, roomId).started).toBe(false);
    // Hans comes: the grace time starts again; Ilse never comes.
    const hans = plannerRoom(await env.sdk.joinById(roomId, { token: tokens[0], lang: "en" }));
    hans.onMessage("event", () => undefined);
    await waitFor(hans, (s) => s.planners.size === 1, "Hans seated");
    expect(hans.state.phase).toBe("waiting");
    clock.advance(GRACE_MS - 1);
    expect(tableOf(env.server, roomId).started).toBe(false);
    clock.advance(1);
    await waitFor(hans, (s) => s.phase === "round" && s.round === 1 && myCarrier(hans) !== null, "round 1");
    expect(hans.state.planners.size).toBe(1);
    expect(atServer(roomId)).toMatchObject({ phase: "round", round: 1 });
    const closed = new Promise<number>((resolve) => hans.onLeave((code) => resolve(code)));
    await ann("POST", `/workshops/${w.id}/end`);
    await closed;
  });

  it("brings a region back after a restart: the same carrier and plan, the day's clock runs on, the round timer keeps what it had left, the game ends", async () => {
    const ann = http();
    const w = await plannerWorkshop(ann, "Herstart", { roundMinutes: 30 });
    const guest = http("en");
    const tokens = await joinAll(guest, w.code, ["Dewi", "Eva"]);
    await ann("POST", `/workshops/${w.id}/tables/form`);
    await ann("POST", `/workshops/${w.id}/start`);
    let rooms = await joinRegions(env.sdk, guest, tokens);
    await allAt(rooms, "round", 1);
    await planByHand(rooms);
    for (const step of ["review", "round"] as const) {
      await ann("POST", `/workshops/${w.id}/next`);
      await allAt(rooms, step, step === "review" ? 1 : 2);
    }
    await assistAndAccept(rooms[0] as PRoom);
    await ann("POST", `/workshops/${w.id}/next`);
    await ann("POST", `/workshops/${w.id}/next`);
    await allAt(rooms, "round", 3);
    await runDayUntil(clock, rooms[0] as PRoom, 8 * 60);

    // Paused, so that the day stands still while we look; the pause is kept over the restart.
    const endsAt = (rooms[0] as PRoom).state.roundEndsAt;
    expect(endsAt).toBeGreaterThan(clock.now());
    const pausedAt = clock.now();
    await ann("POST", `/workshops/${w.id}/pause`);
    await Promise.all(rooms.map((r) => waitFor(r, (s) => s.paused, "paused")));
    const before = rooms.map((r) => ({
      plan: planOf(r),
      orders: myCarrier(r)?.scenario.orders.map((o) => o.id),
      name: r.state.planners.get(r.sessionId)?.name,
      clock: r.state.clock,
    }));
    const oldRoom = rooms[0]?.roomId;
    for (const r of rooms) r.reconnection.enabled = false;

    await env.server.shutdown();
    const db = await t.reopen();
    reopened.push(db);
    // The new process's clock goes on from the old one's, a minute of downtime later.
    clock = new ManualScheduler(clock.now() + 60_000);
    env = await startWorkshopServer(db, clock);
    expect(await env.service.restoreTables()).toBe(1);
    expect(await env.service.restoreTables()).toBe(0);

    const again = http();
    await again("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    rooms = await joinRegions(env.sdk, guest, tokens);
    expect(rooms[0]?.roomId).not.toBe(oldRoom);
    await Promise.all(rooms.map((r) => waitFor(r, (s) => s.paused && s.round === 3, "restored paused in round 3")));
    expect(
      rooms.map((r) => ({
        plan: planOf(r),
        orders: myCarrier(r)?.scenario.orders.map((o) => o.id),
        name: r.state.planners.get(r.sessionId)?.name,
        clock: r.state.clock,
      })),
    ).toEqual(before);
    const live = plannerLive(((await again("GET", `/workshops/${w.id}`)).data as unknown as Overview).tables[0]?.live);
    expect(live?.planners.map((p) => [p.name, p.connected])).toEqual([
      ["Dewi", true],
      ["Eva", true],
    ]);

    const resumedAt = clock.now();
    await again("POST", `/workshops/${w.id}/resume`);
    const first = rooms[0] as PRoom;
    // The 30-minute round goes on with what it had left when it was paused, not a fresh 30 minutes.
    await waitFor(first, (s) => s.roundEndsAt > 0, "the round timer runs again");
    const left = endsAt - pausedAt;
    expect(first.state.roundEndsAt).toBe(resumedAt + left);
    await waitFor(first, (s) => !s.paused, "resumed");
    const stood = before[0]?.clock ?? 0;
    expect(first.state.clock).toBe(stood);
    await runDayUntil(clock, first, stood + 1);
    await assistAndAccept(first);
    for (const round of [3, 4]) {
      await again("POST", `/workshops/${w.id}/next`);
      await allAt(rooms, round === 4 ? "finished" : "review", round);
      if (round === 3) {
        await again("POST", `/workshops/${w.id}/next`);
        await allAt(rooms, "round", 4);
      }
    }
    await eventually(
      async () => ((await again("GET", `/workshops/${w.id}`)).data as unknown as Overview).tables[0]?.status,
      (s) => s === "finished",
      "table finished",
    );
    const d = (await again("GET", `/workshops/${w.id}/debrief`)).data as unknown as Debrief;
    const planners = d.tables[0]?.planner?.planners ?? [];
    expect(planners.map((p) => p.name)).toEqual(["Dewi", "Eva"]);
    for (const p of planners) {
      expect(p.rounds.map((r) => r.round)).toEqual([1, 2, 3, 4]);
      expect(Object.keys(p.profile ?? {}).sort()).toEqual([...COMPETENCE_KEYS].sort());
    }
    await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));
  });
});
