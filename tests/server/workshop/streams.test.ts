import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  apiErrorSchema,
  debriefSchema,
  joinedSchema,
  lobbySchema,
  lobbyTicketSchema,
  meSchema,
  overviewSchema,
  signedInSchema,
  signedOutSchema,
  workshopInfoSchema,
  workshopListSchema,
  type Lobby,
  type Overview,
} from "@iot/shared/workshop/responses";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { CHANGES_TOPIC } from "../../../server/src/workshop/events.js";
import { LOBBY_TICKET_MS } from "../../../server/src/workshop/service.js";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { legalAskFor, TEST_PORT, testRandom, waitForState, type ClientState, type QRoom } from "../harness.js";
import { myCarrier, plannerRoom, waitFor } from "../planner/harness.js";
import { keyPaths, openStream } from "../sse.js";
import { http, startWorkshopServer, type Http, type Reply } from "./plannerHarness.js";

const base = `http://127.0.0.1:${TEST_PORT}/api`;

/** The reply's body after checking it with `schema`, as the browser does (a failure names the first issue). */
function checked<T>(schema: z.ZodType<T>, reply: Reply): T {
  const parsed = schema.safeParse(reply.data);
  if (!parsed.success) throw new Error(`${JSON.stringify(parsed.error.issues[0])} in ${JSON.stringify(reply.data)}`);
  return parsed.data;
}

/** Keys with an underscore (database columns) anywhere in `value`. */
const snakeKeys = (value: unknown) => keyPaths(value).filter((p) => /_/.test(p.slice(p.lastIndexOf(".") + 1)));

/** The cookie header of a signed-in facilitator (the stream is opened with fetch, like EventSource would). */
async function sessionCookie(): Promise<string> {
  const res = await fetch(`${base}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "ann@example.org", password: "correct-horse-battery" }),
  });
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

describe("workshop answers and streams", () => {
  let t: TestDb;
  let env: Awaited<ReturnType<typeof startWorkshopServer>>;
  beforeAll(async () => {
    t = await freshDatabase("sqlite");
    await new WorkshopStore(t.db).addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    env = await startWorkshopServer(t.db);
  });
  afterAll(async () => {
    await env?.server.shutdown();
    await t?.cleanup();
  });

  async function signIn(): Promise<Http> {
    const ann = http();
    checked(
      signedInSchema,
      await ann("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" }),
    );
    return ann;
  }

  it("answers in camelCase only, every answer fitting the schema the browser checks it with", async () => {
    const ann = await signIn();
    expect(checked(meSchema, await ann("GET", "/auth/me")).email).toBe("ann@example.org");
    const created = await ann("POST", "/workshops", {
      title: "Vormen",
      tableSize: 3,
      botLevel: "easy",
      turnSeconds: 30,
      rules: { allowBluff: true },
    });
    expect(created.status).toBe(201);
    const w = checked(workshopInfoSchema, created);
    expect(w).toMatchObject({ tableSize: 3, botLevel: "easy", turnSeconds: 30, rules: { allowBluff: true } });
    expect(w).not.toHaveProperty("facilitatorId");
    const list = checked(workshopListSchema, await ann("GET", "/workshops"));
    expect(list.map((x) => x.id)).toContain(w.id);

    const guest = http("en");
    const tokens: string[] = [];
    for (const name of ["Anna", "Bram", "Chris"]) {
      const joined = await guest("POST", "/join", { code: w.code, name, role: "government", phase: "aware" });
      tokens.push(checked(joinedSchema, joined).token);
    }
    checked(overviewSchema, await ann("POST", `/workshops/${w.id}/tables/form`));
    checked(overviewSchema, await ann("POST", `/workshops/${w.id}/start`));
    const rooms: QRoom[] = [];
    for (const token of tokens) {
      const lobby = checked(lobbySchema, await guest("GET", "/lobby", undefined, token));
      expect(lobby.table?.status).toBe("playing");
      rooms.push(await env.sdk.joinById<ClientState>(lobby.table?.roomId ?? "", { token }));
    }
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing")));
    checked(lobbyTicketSchema, await guest("POST", "/lobby/ticket", undefined, tokens[0]));

    // The overview of a playing quartet table: no database column anywhere, the quartet's summary.
    const overview = checked(overviewSchema, await ann("GET", `/workshops/${w.id}`));
    expect(snakeKeys((await ann("GET", `/workshops/${w.id}`)).data)).toEqual([]);
    expect(overview.participants[0]).toMatchObject({ role: "government", phase: "aware" });
    expect(overview.tables[0]?.live).toMatchObject({ game: "quartet", phase: "playing" });
    expect(overview.tables[0]?.live).not.toHaveProperty("planner");
    for (const reply of [created, await ann("GET", "/workshops"), await guest("GET", "/lobby", undefined, tokens[1])])
      expect(snakeKeys(reply.data)).toEqual([]);
    checked(debriefSchema, await ann("GET", `/workshops/${w.id}/debrief`));
    await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));

    // A planner region's summary has the planner's fields only.
    const p = checked(
      workshopInfoSchema,
      await ann("POST", "/workshops", { title: "Regio", game: "planner", tableSize: 1, difficulty: 1 }),
    );
    const token = checked(joinedSchema, await guest("POST", "/join", { code: p.code, name: "Dewi" })).token;
    await ann("POST", `/workshops/${p.id}/tables/form`);
    await ann("POST", `/workshops/${p.id}/start`);
    const lobby = checked(lobbySchema, await guest("GET", "/lobby", undefined, token));
    const region = plannerRoom(await env.sdk.joinById(lobby.table?.roomId ?? "", { token }));
    for (const type of ["event", "results"]) region.onMessage(type, () => undefined);
    await waitFor(region, () => myCarrier(region) !== null, "own carrier");
    const planner = await ann("GET", `/workshops/${p.id}`);
    expect(snakeKeys(planner.data)).toEqual([]);
    const live = checked(overviewSchema, planner).tables[0]?.live;
    expect(live).toMatchObject({ game: "planner", phase: "round", round: 1 });
    expect(live).not.toHaveProperty("asks");
    expect(live).not.toHaveProperty("players");
    const debrief = await ann("GET", `/workshops/${p.id}/debrief`);
    expect(checked(debriefSchema, debrief).workshop.game).toBe("planner");
    expect(snakeKeys(debrief.data)).toEqual([]);
    await region.leave().catch(() => undefined);

    // Refusals have their shape too.
    for (const refused of [
      await ann("GET", "/workshops/nope"),
      await http()("GET", "/workshops"),
      await guest("GET", "/lobby", undefined, "forged"),
      await ann("GET", "/no-such-route"),
    ]) {
      expect(refused.status).toBeGreaterThanOrEqual(400);
      checked(apiErrorSchema, refused);
    }
    expect(checked(signedOutSchema, await ann("POST", "/auth/logout")).ok).toBe(true);
  });

  it("pushes the overview to the facilitator's stream when a participant joins and when a table moves, without polling", async () => {
    const ann = await signIn();
    const w = checked(workshopInfoSchema, await ann("POST", "/workshops", { title: "Live", tableSize: 3 }));
    expect((await openStream(`${base}/workshops/${w.id}/events`)).status).toBe(401);
    const stream = await openStream(`${base}/workshops/${w.id}/events`, { cookie: await sessionCookie() });
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain("text/event-stream");
    const fits = (o: Overview) => overviewSchema.safeParse(o).success;
    await stream.waitFor<Overview>("overview", (o) => fits(o) && o.participants.length === 0);

    // A participant joins (the participant's call, not the facilitator's): the console hears of it.
    const guest = http("en");
    const tokens: string[] = [];
    tokens.push(String((await guest("POST", "/join", { code: w.code, name: "Anna" })).data.token));
    await stream.waitFor<Overview>("overview", (o) => o.participants.map((p) => p.name).join() === "Anna", 5_000);
    for (const name of ["Bram", "Chris"])
      tokens.push(String((await guest("POST", "/join", { code: w.code, name })).data.token));
    await ann("POST", `/workshops/${w.id}/tables/form`);
    await ann("POST", `/workshops/${w.id}/start`);
    await stream.waitFor<Overview>("overview", (o) => o.tables[0]?.status === "playing");

    // At the table: everyone sits down, one ask is made; the table's summary is pushed.
    const rooms: QRoom[] = [];
    for (const token of tokens) {
      const lobby = (await guest("GET", "/lobby", undefined, token)).data as unknown as Lobby;
      rooms.push(await env.sdk.joinById<ClientState>(lobby.table?.roomId ?? "", { token }));
    }
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing")));
    const mover = rooms.find((r) => r.state.turn === r.sessionId) as QRoom;
    mover.send("ask", legalAskFor(mover, testRandom(3)));
    await waitForState(mover, (s) => s.asks === 1);
    const pushed = await stream.waitFor<Overview>(
      "overview",
      (o) => o.tables[0]?.live?.game === "quartet" && o.tables[0].live.asks === 1,
      5_000,
      "the ask pushed",
    );
    expect(fits(pushed)).toBe(true);
    await Promise.all(rooms.map((r) => r.leave().catch(() => undefined)));

    // The browser goes: the subscription goes with the last stream.
    stream.close();
    const deadline = Date.now() + 5_000;
    while ((await matchMaker.presence.channels(CHANGES_TOPIC)).length > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(await matchMaker.presence.channels(CHANGES_TOPIC)).toEqual([]);
  });

  it("pushes a participant's lobby on a stream opened with a short-lived ticket, never the token", async () => {
    const ann = await signIn();
    const w = checked(workshopInfoSchema, await ann("POST", "/workshops", { title: "Lobby", tableSize: 3 }));
    const guest = http("en");
    const token = String((await guest("POST", "/join", { code: w.code, name: "Eva" })).data.token);
    expect((await guest("POST", "/lobby/ticket")).status).toBe(401);
    const { ticket } = checked(lobbyTicketSchema, await guest("POST", "/lobby/ticket", undefined, token));
    expect(ticket).not.toContain(token);
    for (const bad of [token, "forged", ticket.replace(/.$/, (c) => (c === "A" ? "B" : "A"))]) {
      expect((await openStream(`${base}/lobby/events?ticket=${encodeURIComponent(bad)}`)).status).toBe(401);
    }
    const stale = await env.service.lobbyTicket(token, Date.now() - LOBBY_TICKET_MS - 1);
    expect((await openStream(`${base}/lobby/events?ticket=${encodeURIComponent(stale.ticket)}`)).status).toBe(401);

    const stream = await openStream(`${base}/lobby/events?ticket=${encodeURIComponent(ticket)}`);
    expect(stream.status).toBe(200);
    await stream.waitFor<Lobby>("lobby", (l) => l.participant.name === "Eva" && l.table === null);
    await guest("POST", "/join", { code: w.code, name: "Finn" });
    await stream.waitFor<Lobby>("lobby", (l) => l.present.join() === "Eva,Finn");
    await ann("POST", `/workshops/${w.id}/message`, { text: "Koffie!" });
    await stream.waitFor<Lobby>("lobby", (l) => l.workshop.message === "Koffie!");
    await ann("POST", `/workshops/${w.id}/tables/form`);
    await ann("POST", `/workshops/${w.id}/start`);
    const lobby = await stream.waitFor<Lobby>("lobby", (l) => l.table?.status === "playing" && l.table.roomId !== "");
    expect(lobbySchema.safeParse(lobby).success).toBe(true);
    expect(lobby.tablemates).toEqual(["Finn"]);
    await ann("POST", `/workshops/${w.id}/end`);
    await stream.waitFor<Lobby>("lobby", (l) => l.workshop.status === "ended");
    stream.close();
  });
});
