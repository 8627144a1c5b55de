import { randomBytes } from "node:crypto";
import type { Room } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuartetSeatView, QuartetTable } from "@iot/shared/quartet/game";
import { legalAsks } from "@iot/shared/quartet/seatView";
import { BOT_NAMES } from "@iot/shared/table/botNames";
import { patchView, type ViewOperation } from "@iot/shared/table/patch";
import type { TableView } from "@iot/shared/table/view";
import type { Lobby, WorkshopEvent } from "@iot/shared/workshop/api";
import { DEFAULT_QUARTET_CONFIG } from "../../../server/src/config.js";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { WorkshopService } from "../../../server/src/workshop/service.js";
import { ManualScheduler } from "../../../server/src/table/scheduler.js";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { bootApp, PLAYER_THINKS_MS, tableOf, testRandom } from "../harness.js";
import { plannerRoom, waitFor } from "../planner/harness.js";
import { eventually, http, type Http } from "./plannerHarness.js";

/** A workshop table starts with whoever came this long after it opened (ms). */
const GRACE_MS = 20_000;

type QView = TableView<QuartetSeatView>;

/** A client on the view route: the view after every `view` message, and every raw frame from the moment it follows. */
function follow(room: Room) {
  const frames: Buffer[] = [];
  const events = room.connection.events as { onmessage?: (e: MessageEvent) => void };
  const original = events.onmessage;
  events.onmessage = (e: MessageEvent) => {
    frames.push(Buffer.from(e.data as ArrayBuffer));
    original?.(e);
  };
  const tracker = { view: null as QView | null, seq: 0, frames };
  room.onMessage("view", (m: { seq: number; full?: QView; ops?: ViewOperation[] }) => {
    if (m.full !== undefined) tracker.view = m.full;
    else if (tracker.view && m.ops && m.seq === tracker.seq + 1) tracker.view = patchView(tracker.view, m.ops);
    tracker.seq = m.seq;
  });
  room.onMessage("*", () => undefined);
  room.send("resync", {});
  return tracker;
}

/** Resolves once `holds`, checking every 5 ms of real time (the table's own time stands still). */
async function until(what: string, holds: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!holds()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const asksIn = (v: QView | null) => v?.game?.history.filter((e) => e.type === "asked").length ?? 0;

describe.each(["sqlite", "postgres"] as const)("late joiners and names on %s", (dialect) => {
  let t: TestDb;
  let env: Awaited<ReturnType<typeof bootApp>>;
  const clock = new ManualScheduler();
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const store = new WorkshopStore(t.db);
    await store.addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    const serverKey = randomBytes(16).toString("hex");
    env = await bootApp({
      quartet: { ...DEFAULT_QUARTET_CONFIG, botDelayMs: [0, 0], seed: 5 },
      workshops: { service: new WorkshopService(store, serverKey, GRACE_MS), serverKey },
      scheduler: clock,
    });
  });
  afterAll(async () => {
    await env?.server.shutdown();
    await t.cleanup();
  });

  async function workshop(ann: Http, title: string): Promise<{ id: string; code: string }> {
    await ann("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    const created = await ann("POST", "/workshops", { title, tableSize: 4, botLevel: "easy" });
    expect(created.status).toBe(201);
    return created.data as unknown as { id: string; code: string };
  }

  it("refuses a name already taken, case- and accent-insensitive, and suggests a free one in the joiner's language", async () => {
    const w = await workshop(http(), "Namen");
    const nl = http("nl");
    const en = http("en");
    expect((await nl("POST", "/join", { code: w.code, name: "Zoë" })).status).toBe(201);
    expect((await nl("POST", "/join", { code: w.code, name: "Anna" })).status).toBe(201);
    const zoe = await en("POST", "/join", { code: w.code, name: "zoe" });
    expect(zoe.status).toBe(409);
    expect(zoe.data).toEqual({
      code: "NAME_TAKEN",
      suggestion: "zoe 2",
      message: "That name is already taken in this workshop. Choose another, for example zoe 2.",
    });
    // The same letters decomposed (e + U+0308) are the same name; so is the upper case.
    const decomposed = await nl("POST", "/join", { code: w.code, name: "ZOE\u0308" });
    expect(decomposed.data).toMatchObject({ code: "NAME_TAKEN", suggestion: "ZOË 2" });
    expect(String(decomposed.data.message)).toContain("Kies een andere, bijvoorbeeld ZOË 2.");
    const anna = await nl("POST", "/join", { code: w.code, name: " ANNA " });
    expect(anna.data).toMatchObject({ code: "NAME_TAKEN", suggestion: "ANNA 2" });
    expect((await nl("POST", "/join", { code: w.code, name: "ANNA 2" })).status).toBe(201);
    // With Anna 2 taken too, the next suggestion is Anna 3.
    expect((await nl("POST", "/join", { code: w.code, name: "anna" })).data).toMatchObject({ suggestion: "anna 3" });
    // A 24-character name keeps its suggestion within 24 characters.
    const long = "Maximiliaan-Alexandertje";
    expect((await nl("POST", "/join", { code: w.code, name: long })).status).toBe(201);
    expect((await nl("POST", "/join", { code: w.code, name: long })).data).toMatchObject({
      suggestion: "Maximiliaan-Alexandert 2",
    });
    // Only within one workshop: another workshop takes a Zoë.
    const other = await workshop(http(), "Andere");
    expect((await nl("POST", "/join", { code: other.code, name: "zoe" })).status).toBe(201);
  });

  it("offers a late joiner a bot's seat (hand and score kept) or a new table, and logs where each went", async () => {
    const ann = http();
    const w = await workshop(ann, "Laat binnen");
    const guest = http("nl");
    const join = async (name: string) => String((await guest("POST", "/join", { code: w.code, name })).data.token);
    const [anna, bram, chris] = [await join("Anna"), await join("Bram"), await join("Chris")];
    await ann("POST", `/workshops/${w.id}/tables/form`);
    await ann("POST", `/workshops/${w.id}/start`);
    const lobbyOf = async (token: string) => (await guest("GET", "/lobby", undefined, token)).data as unknown as Lobby;
    const roomId = (await lobbyOf(anna)).table?.roomId as string;
    const rooms = [await env.client.joinById(roomId, { token: anna, views: true })];
    rooms.push(await env.client.joinById(roomId, { token: bram, views: true }));
    const views = rooms.map(follow);
    // Chris does not come: after the grace time the table starts with two bots.
    clock.advance(GRACE_MS);
    await until("the deal", () => views.every((v) => (v.view?.game?.hand.length ?? 0) > 0));
    // The bots play under two distinct Dutch first names, neither a human's at the table.
    const [bot1, bot2] = views[0]?.view?.seats.filter((s) => s.isBot).map((s) => s.name) ?? [];
    expect(new Set([bot1, bot2]).size).toBe(2);
    for (const name of [bot1, bot2]) expect(BOT_NAMES).toContain(name);
    // Arriving now, Chris is back in the lobby: both bots' seats are offered, and a new table.
    const offered = await eventually(
      () => lobbyOf(chris),
      (l) => l.table === null && (l.late?.seats.length ?? 0) === 2,
      "Chris offered the bots' seats",
    );
    expect(offered.late?.seats).toEqual([
      { table: expect.any(String), number: 1, bot: bot1, players: ["Anna", "Bram"] },
      { table: offered.late?.seats[0]?.table, number: 1, bot: bot2, players: ["Anna", "Bram"] },
    ]);
    await expect(env.client.joinById(roomId, { token: chris, views: true })).rejects.toThrow();
    const anyone = await guest("POST", "/lobby/seat", {}, anna);
    expect(anyone).toMatchObject({ status: 409, data: { code: "NOT_LATE" } });

    // Chris takes the first bot's seat: the same hand and the same quartets, now his.
    const host = tableOf(env.server, roomId);
    const botId = [...host.seats.values()].find((s) => s.name === bot1)?.id as string;
    const before = (host.game as QuartetTable).game;
    const botHand = [...(before.hands[botId] ?? [])].sort();
    const botQuartets = before.quartets[botId] ?? [];
    expect(botHand.length).toBeGreaterThan(0);
    const seated = await guest("POST", "/lobby/seat", { table: offered.late?.seats[0]?.table }, chris);
    expect(seated.status).toBe(200);
    expect((seated.data as unknown as Lobby).table).toMatchObject({ number: 1, status: "playing", roomId });
    const chrisRoom = await env.client.joinById(roomId, { token: chris, views: true });
    const chrisView = follow(chrisRoom);
    await until("Chris's view", () => chrisView.view?.game !== null && chrisView.view?.game !== undefined);
    const mine = chrisView.view as QView;
    expect([...(mine.game?.hand ?? [])].sort()).toEqual(botHand);
    expect(mine.game?.players.find((p) => p.id === mine.me)?.quartets).toEqual(botQuartets);
    expect(mine.seats.find((s) => s.id === mine.me)).toMatchObject({ name: "Chris", isBot: false });
    expect(mine.seats.filter((s) => s.isBot).map((s) => s.name)).toEqual([bot2]);
    // The bot's cards reached Chris's connection as bytes.
    const bytes = Buffer.concat(chrisView.frames).toString("latin1");
    for (const card of botHand) expect(bytes.includes(card), `${card} in Chris's bytes`).toBe(true);
    // Anna sees Chris where the first bot sat.
    await until("Anna sees Chris", () => views[0]?.view?.seats.some((s) => s.name === "Chris" && !s.isBot) === true);

    // Chris plays on: the table goes round until he has asked (bots move when the table's time moves).
    const all = [...views, chrisView];
    const everyRoom = [...rooms, chrisRoom];
    const rnd = testRandom(3);
    const chrisAsked = () =>
      chrisView.view?.game?.history.some((e) => e.type === "asked" && e.from === mine.me) === true;
    for (let n = 0; n < 200 && !chrisAsked() && chrisView.view?.game?.phase === "playing"; n++) {
      const turn = chrisView.view?.game?.turn;
      const asks = asksIn(chrisView.view);
      const i = all.findIndex((v) => v.view?.me === turn);
      clock.advance(PLAYER_THINKS_MS);
      if (i >= 0) {
        const options = legalAsks(all[i]?.view?.game as QuartetSeatView);
        const ask = options[Math.floor(rnd() * options.length)];
        if (ask) everyRoom[i]?.send("ask", { to: ask.to, card: ask.card });
      }
      await until("a move everyone sees", () =>
        all.every((v) => asksIn(v.view) > asks || v.view?.game?.phase !== "playing"),
      );
    }
    expect(chrisAsked()).toBe(true);

    // Dewi arrives and wants a table of her own: it starts as soon as she is there, bots in the other seats.
    const dewi = await join("Dewi");
    expect((await lobbyOf(dewi)).late?.seats.map((s) => s.bot)).toEqual([bot2]);
    const own = (await guest("POST", "/lobby/seat", {}, dewi)).data as unknown as Lobby;
    expect(own.table).toMatchObject({ number: 2, status: "playing" });
    const dewiRoom = await env.client.joinById(own.table?.roomId as string, { token: dewi, views: true });
    const dewiView = follow(dewiRoom);
    await until("Dewi's table dealt", () => (dewiView.view?.game?.hand.length ?? 0) > 0);
    const dewiBots = dewiView.view?.seats.filter((s) => s.isBot).map((s) => s.name) ?? [];
    expect(new Set(dewiBots).size).toBe(3);
    expect(dewiView.view?.seats.map((s) => [s.name, s.isBot])).toEqual([
      ["Dewi", false],
      ...dewiBots.map((name) => [name, true]),
    ]);

    // Eve takes the last bot's seat at table 1; then Fay finds none left there.
    const eve = await join("Eve");
    const table1 = offered.late?.seats[0]?.table as string;
    expect((await guest("POST", "/lobby/seat", { table: table1 }, eve)).status).toBe(200);
    const fay = await join("Fay");
    const fayOffer = await lobbyOf(fay);
    expect(fayOffer.late?.seats.map((s) => [s.number, s.bot])).toEqual([...dewiBots.map((name) => [2, name])]);
    const full = await http("en")("POST", "/lobby/seat", { table: table1 }, fay);
    expect(full).toMatchObject({ status: 409, data: { code: "TABLE_TOO_SMALL", message: "That table is full." } });
    expect((await guest("POST", "/lobby/seat", { table: "no-such-table" }, fay)).status).toBe(404);

    // The facilitator's overview says where each went, in order.
    const overview = (await ann("GET", `/workshops/${w.id}`)).data as unknown as { events: WorkshopEvent[] };
    expect(overview.events.map((e) => [e.kind, e.name, e.table, e.bot])).toEqual([
      ["seat-taken", "Chris", 1, bot1],
      ["new-table", "Dewi", 2, ""],
      ["seat-taken", "Eve", 1, bot2],
    ]);
    await Promise.all([...everyRoom, dewiRoom].map((r) => r.leave().catch(() => undefined)));
  });

  it("gives a late planner a region of their own (the planner has no bots' seats to take)", async () => {
    const ann = http();
    await ann("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    const created = await ann("POST", "/workshops", { title: "Regio laat", game: "planner", tableSize: 2 });
    const w = created.data as unknown as { id: string; code: string };
    const guest = http("en");
    const join = async (name: string) => String((await guest("POST", "/join", { code: w.code, name })).data.token);
    const fenna = await join("Fenna");
    await ann("POST", `/workshops/${w.id}/tables/form`);
    await ann("POST", `/workshops/${w.id}/start`);
    const lobbyOf = async (token: string) => (await guest("GET", "/lobby", undefined, token)).data as unknown as Lobby;
    const first = plannerRoom(
      await env.client.joinById((await lobbyOf(fenna)).table?.roomId as string, { token: fenna }),
    );
    first.onMessage("event", () => undefined);
    await waitFor(first, (s) => s.planners.size === 1, "Fenna seated");
    const gert = await join("Gert");
    expect((await lobbyOf(gert)).late).toEqual({ seats: [] });
    const own = (await guest("POST", "/lobby/seat", {}, gert)).data as unknown as Lobby;
    expect(own.table).toMatchObject({ number: 2, status: "playing" });
    const second = plannerRoom(await env.client.joinById(own.table?.roomId as string, { token: gert }));
    second.onMessage("event", () => undefined);
    await waitFor(second, (s) => s.planners.size === 1, "Gert seated in his own region");
    const names: string[] = [];
    second.state.planners.forEach((p) => names.push(p.name));
    expect(names).toEqual(["Gert"]);
    const overview = (await ann("GET", `/workshops/${w.id}`)).data as unknown as { events: WorkshopEvent[] };
    expect(overview.events.map((e) => [e.kind, e.name, e.table])).toEqual([["new-table", "Gert", 2]]);
    await Promise.all([first, second].map((r) => r.leave().catch(() => undefined)));
  });
});
