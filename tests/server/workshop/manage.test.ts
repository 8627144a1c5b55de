import { randomBytes } from "node:crypto";
import type { ColyseusTestServer } from "@colyseus/testing";
import type { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUARTET_CONFIG } from "../../../server/src/config.js";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { ManualScheduler } from "../../../server/src/table/scheduler.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { WorkshopService } from "../../../server/src/workshop/service.js";
import { apiErrorTexts } from "@iot/shared/i18n/api";
import { JOIN_CODE_ALPHABET, type Overview, type QuartetTableSummary } from "@iot/shared/workshop/api";
import { freshDatabase, type TestDb } from "../db/databases.js";
import {
  bootApp,
  legalAskFor,
  nextPatch,
  PLAYER_THINKS_MS,
  testRandom,
  waitForState,
  type ClientState,
  type QRoom,
} from "../harness.js";
import { eventually, http, type Http } from "./plannerHarness.js";

/** The tables' time: it moves only when the test says so. */
const clock = new ManualScheduler();

interface Listed {
  id: string;
  code: string;
  title: string;
  status: string;
  locked: boolean;
  archivedAt: string | null;
  counts: { participants: number; tables: number; results: number };
}

async function signIn(email: string, password: string, lang = "nl"): Promise<Http> {
  const client = http(lang);
  expect((await client("POST", "/auth/login", { email, password })).status).toBe(200);
  return client;
}

describe.each(["sqlite", "postgres"] as const)("managing workshops on %s", (dialect) => {
  let t: TestDb;
  let server: ColyseusTestServer;
  let sdk: Client;
  let ann: Http;
  let bob: Http;
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    const store = new WorkshopStore(t.db);
    await store.addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    await store.addFacilitator("bob@example.org", await hashPassword("another-long-secret"));
    const serverKey = randomBytes(16).toString("hex");
    const booted = await bootApp({
      quartet: { ...DEFAULT_QUARTET_CONFIG, botDelayMs: [0, 0], seed: 5 },
      workshops: { service: new WorkshopService(store, serverKey, 20_000), serverKey },
      scheduler: clock,
    });
    server = booted.server;
    sdk = booted.client;
    ann = await signIn("ann@example.org", "correct-horse-battery");
    bob = await signIn("bob@example.org", "another-long-secret", "en");
  });
  afterAll(async () => {
    await server?.shutdown();
    await t?.cleanup();
  });

  it("renames, archives, duplicates and deletes, for the owner only, with typed errors", async () => {
    const created = await ann("POST", "/workshops", {
      title: "Regio Noord",
      tableSize: 5,
      botLevel: "hard",
      turnSeconds: 45,
      rules: { allowBluff: true },
    });
    expect(created.status).toBe(201);
    const w = created.data as unknown as Listed;
    expect(w).toMatchObject({ locked: false, archivedAt: null });
    await http()("POST", "/join", { code: w.code, name: "Anna" });

    const renamed = await ann("PATCH", `/workshops/${w.id}`, { title: "  Regio   Oost " });
    expect(renamed).toMatchObject({ status: 200, data: { id: w.id, title: "Regio Oost", code: w.code } });
    for (const body of [{ title: "" }, {}, { title: "x", status: "ended" }, { archived: "yes" }]) {
      expect(await ann("PATCH", `/workshops/${w.id}`, body)).toMatchObject({
        status: 400,
        data: { code: "BAD_REQUEST", message: apiErrorTexts.nl.BAD_REQUEST },
      });
    }
    // Another facilitator's workshop: refused, in their language; an unknown one is not found.
    for (const [method, path] of [
      ["PATCH", `/workshops/${w.id}`],
      ["POST", `/workshops/${w.id}/duplicate`],
      ["DELETE", `/workshops/${w.id}`],
      ["POST", `/workshops/${w.id}/lock`],
      ["POST", `/workshops/${w.id}/unlock`],
      ["POST", `/workshops/${w.id}/reopen`],
      ["DELETE", `/workshops/${w.id}/participants/whoever`],
    ] as const) {
      expect(await bob(method, path, { title: "Mine" })).toMatchObject({
        status: 403,
        data: { code: "FORBIDDEN", message: apiErrorTexts.en.FORBIDDEN },
      });
      expect((await ann(method, path.replace(w.id, "no-such-workshop"), { title: "x" })).status).toBe(404);
      expect((await http()(method, path, { title: "x" })).status).toBe(401);
    }
    expect((await ann("GET", `/workshops/${w.id}`)).data).toMatchObject({ workshop: { title: "Regio Oost" } });

    const list = async (archived = false) =>
      (await ann("GET", `/workshops${archived ? "?archived=1" : ""}`)).data as unknown as Listed[];
    expect((await list()).find((x) => x.id === w.id)?.counts).toEqual({ participants: 1, tables: 0, results: 0 });
    const archived = await ann("PATCH", `/workshops/${w.id}`, { archived: true });
    expect(archived.data.archivedAt).toEqual(expect.any(String));
    expect((await list()).map((x) => x.id)).not.toContain(w.id);
    expect((await list(true)).map((x) => x.id)).toEqual([w.id]);
    await ann("PATCH", `/workshops/${w.id}`, { archived: false });
    expect((await list()).map((x) => x.id)).toContain(w.id);
    expect(await list(true)).toEqual([]);

    const copy = await ann("POST", `/workshops/${w.id}/duplicate`);
    expect(copy.status).toBe(201);
    const c = copy.data as unknown as Listed & Record<string, unknown>;
    expect(c.id).not.toBe(w.id);
    expect(c.code).not.toBe(w.code);
    expect(c.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(c).toMatchObject({
      title: "Regio Oost (kopie)",
      status: "lobby",
      tableSize: 5,
      botLevel: "hard",
      turnSeconds: 45,
      rules: { allowBluff: true },
      game: "quartet",
      lang: "nl",
    });
    expect((await list()).find((x) => x.id === c.id)?.counts).toEqual({ participants: 0, tables: 0, results: 0 });

    await ann("POST", `/workshops/${w.id}/tables/form`);
    const deleted = await ann("DELETE", `/workshops/${w.id}`);
    expect(deleted).toMatchObject({
      status: 200,
      data: { ok: true, id: w.id, deleted: { participants: 1, tables: 1, results: 0 } },
    });
    expect((await ann("GET", `/workshops/${w.id}`)).data).toMatchObject({ code: "NOT_FOUND" });
    expect((await http()("POST", "/join", { code: w.code, name: "Bea" })).data).toMatchObject({
      code: "UNKNOWN_CODE",
    });
    expect((await list()).map((x) => x.id)).toEqual([c.id]);
    expect((await ann("DELETE", `/workshops/${c.id}`)).status).toBe(200);
  });

  it("locks joins, removes a participant to a bot, ends by itself after the last table and reopens", async () => {
    const w = (await ann("POST", "/workshops", { title: "Kwartet", tableSize: 3, botLevel: "easy" }))
      .data as unknown as Listed;
    const guest = http("en");
    const tokens: string[] = [];
    for (const name of ["Anna", "Bram"])
      tokens.push(String((await guest("POST", "/join", { code: w.code, name })).data.token));

    const locked = (await ann("POST", `/workshops/${w.id}/lock`)).data as unknown as Overview;
    expect(locked.workshop.locked).toBe(true);
    expect(await guest("POST", "/join", { code: w.code, name: "Late" })).toMatchObject({
      status: 423,
      data: { code: "WORKSHOP_LOCKED", message: apiErrorTexts.en.WORKSHOP_LOCKED },
    });
    expect((await http("nl")("POST", "/join", { code: w.code, name: "Laat" })).data).toMatchObject({
      message: apiErrorTexts.nl.WORKSHOP_LOCKED,
    });
    // Those already in keep their lobby.
    expect((await guest("GET", "/lobby", undefined, tokens[0])).status).toBe(200);
    expect(((await ann("POST", `/workshops/${w.id}/unlock`)).data as unknown as Overview).workshop.locked).toBe(false);
    const late = await guest("POST", "/join", { code: w.code, name: "Chris" });
    expect(late.status).toBe(201);
    tokens.push(String(late.data.token));

    await ann("POST", `/workshops/${w.id}/tables/form`);
    let overview = (await ann("POST", `/workshops/${w.id}/start`)).data as unknown as Overview;
    const bram = overview.participants.find((p) => p.name === "Bram");
    const rooms: QRoom[] = [];
    for (const token of tokens) {
      const lobby = (await guest("GET", "/lobby", undefined, token)).data as unknown as { table: { roomId: string } };
      rooms.push(await sdk.joinById<ClientState>(lobby.table.roomId, { token }));
    }
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing")));
    const [annaRoom, bramRoom, chrisRoom] = rooms as [QRoom, QRoom, QRoom];
    const roomId = annaRoom.roomId;

    // Removing Bram: typed errors first, then his connection closes for good and a bot plays his hand.
    expect((await ann("DELETE", `/workshops/${w.id}/participants/nobody`)).data).toMatchObject({ code: "NOT_FOUND" });
    const closed = new Promise<number>((resolve) => bramRoom.onLeave((code) => resolve(code)));
    const bramSeat = bramRoom.sessionId;
    overview = (await ann("DELETE", `/workshops/${w.id}/participants/${bram?.id}`)).data as unknown as Overview;
    expect(overview.participants.map((p) => p.name)).toEqual(["Anna", "Chris"]);
    expect(await closed).toBe(4000);
    await waitForState(annaRoom, (s) => s.players.get(bramSeat)?.isBot === true);
    const live = await eventually(
      async () => ((await ann("GET", `/workshops/${w.id}`)).data as unknown as Overview).tables[0]?.live,
      (l) => (l as QuartetTableSummary | null)?.players.find((p) => p.name === "Bram")?.isBot === true,
      "Bram's seat played by a bot",
    );
    expect((live as QuartetTableSummary).players.map((p) => p.name)).toContain("Bram");
    // His token opens nothing any more: not the lobby, not a stream ticket, not the table.
    expect((await guest("GET", "/lobby", undefined, tokens[1])).data).toMatchObject({ code: "UNAUTHORIZED" });
    expect((await guest("POST", "/lobby/ticket", undefined, tokens[1])).status).toBe(401);
    await expect(sdk.joinById(roomId, { token: tokens[1] })).rejects.toThrow();

    // Play the table to the end: the workshop's last table finished, so the workshop ends by itself.
    const humans = [annaRoom, chrisRoom];
    const rnd = testRandom(3);
    const deadline = Date.now() + 60_000;
    while (humans.some((r) => r.state.phase !== "finished") && Date.now() < deadline) {
      const mine = humans.find((r) => r.state.phase === "playing" && r.state.turn === r.sessionId);
      if (mine) {
        const asks = mine.state.asks;
        clock.advance(PLAYER_THINKS_MS);
        mine.send("ask", legalAskFor(mine, rnd));
        await waitForState(mine, (s) => s.asks > asks || s.phase !== "playing");
      } else {
        const changed = nextPatch(humans);
        clock.advance(0);
        await changed;
      }
    }
    expect(humans.every((r) => r.state.phase === "finished")).toBe(true);
    const ended = await eventually(
      async () => (await ann("GET", `/workshops/${w.id}`)).data as unknown as Overview,
      (o) => o.workshop.status === "ended",
      "the workshop ended by itself",
    );
    expect(ended.tables.map((x) => x.status)).toEqual(["finished"]);
    expect(ended.workshop.endedAt).toEqual(expect.any(String));
    expect((await guest("POST", "/join", { code: w.code, name: "Dewi" })).data).toMatchObject({
      code: "WORKSHOP_ENDED",
    });
    const listed = ((await ann("GET", "/workshops")).data as unknown as Listed[]).find((x) => x.id === w.id);
    expect(listed).toMatchObject({ status: "ended", counts: { participants: 2, tables: 1, results: 1 } });

    // The facilitator opens it again: the code works again.
    const reopened = (await ann("POST", `/workshops/${w.id}/reopen`)).data as unknown as Overview;
    expect(reopened.workshop).toMatchObject({ status: "running", endedAt: null });
    expect((await guest("POST", "/join", { code: w.code, name: "Dewi" })).status).toBe(201);
    await Promise.all(humans.map((r) => r.leave().catch(() => undefined)));
  });
});
