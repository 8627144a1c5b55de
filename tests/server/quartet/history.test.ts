import { captureBytes } from "../harness.js";
import { describe, expect, it } from "vitest";
import { historySchema } from "@iot/shared/protocol";
import { CARD_IDS, THEME_CARDS, type CardId } from "@iot/shared/quartet/cardIds";
import type { QuartetTable } from "@iot/shared/quartet/game";
import { eventForSeat } from "@iot/shared/quartet/seatView";
import {
  askOnce,
  nextMessage,
  openTable,
  useTestServer,
  tableOf,
  testRandom,
  waitForState,
  type ClientState,
  type QRoom,
} from "../harness.js";

const env = useTestServer();

const atServer = (room: QRoom) => tableOf(env.server, room.roomId).game as QuartetTable;

describe("quartet room: the public history for a client that reads the state", () => {
  it("sends the game so far on reconnect, the same for every seat, with no card a hand holds in secret", async () => {
    // Three humans, four cards each and a stock, so there are asks, misses and draws.
    const rooms = await openTable(env.client, 3, { seats: 3, rules: { stockHandSize: 4 } });
    rooms[0]?.send("start", {});
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing")));
    const rnd = testRandom(7);
    const byId = (id: string) => rooms.find((r) => r.sessionId === id) as QRoom;
    const table = () => atServer(rooms[0] as QRoom);
    for (let i = 0; i < 40 && table().game.phase === "playing"; i++) {
      await askOnce(byId(table().game.turn as string), rnd);
      if (table().log.some((e) => e.type === "drew") && table().game.asks >= 8) break;
    }
    const log = table().log;
    expect(log.some((e) => e.type === "asked")).toBe(true);
    expect(log.some((e) => e.type === "drew" && e.card !== undefined)).toBe(true);

    const guest = rooms[1] as QRoom;
    const id = guest.sessionId;
    const token = guest.reconnectionToken;
    guest.reconnection.enabled = false;
    guest.connection.close();
    await waitForState(rooms[0] as QRoom, (s: ClientState) => s.players.get(id)?.connected === false);

    const back = (await env.client.reconnect<never>(token)) as unknown as QRoom;
    const frames = captureBytes(back);
    const got = await nextMessage<unknown>(back, "history");
    const history = historySchema.parse(got);
    // The whole log as everyone may see it: a drawn card is left out, the drawer's own too.
    expect(history.events).toEqual(table().log.map((e) => eventForSeat(e, "")));
    expect(history.events.filter((e) => e.type === "asked").length).toBe(table().game.asks);
    expect(history.events.every((e) => e.type !== "drew" || e.card === undefined)).toBe(true);

    // From the bytes: only cards the events showed everyone (asked for, or in a laid quartet) are on the wire.
    const frame = frames.find((f) => f.toString("latin1").includes("history")) as Buffer;
    expect(frame).toBeDefined();
    const bytes = frame.toString("latin1");
    const shown = new Set<CardId>();
    for (const e of table().log) {
      if (e.type === "asked") shown.add(e.card);
      if (e.type === "quartet") for (const c of THEME_CARDS[e.theme]) shown.add(c);
    }
    const onWire = CARD_IDS.filter((c) => bytes.includes(`"${c}"`) || bytes.includes(c));
    expect(onWire.filter((c) => !shown.has(c))).toEqual([]);
    // Cards held in secret exist (the check above is not empty-handed), and none of them is in the frame.
    const secret = Object.values(table().game.hands)
      .flat()
      .filter((c) => !shown.has(c));
    expect(secret.length).toBeGreaterThan(0);
    expect(secret.filter((c) => bytes.includes(c))).toEqual([]);

    await Promise.all([rooms[0], back, rooms[2]].map((r) => r?.leave()));
  });

  it("sends nothing before the deal, and nothing to a client on the view route", async () => {
    const host = await env.client.create<ClientState>("quartet", { name: "Host", seats: 2 });
    const viewer = await env.client.joinById<ClientState>(host.roomId, { name: "View", views: true });
    const seen: string[] = [];
    host.onMessage("history", () => seen.push("host"));
    viewer.onMessage("history", () => seen.push("viewer"));
    viewer.onMessage("view", () => undefined);
    await waitForState(host, (s) => s.players.size === 2);
    host.send("start", {});
    await waitForState(host, (s) => s.phase === "playing");
    const token = viewer.reconnectionToken;
    viewer.reconnection.enabled = false;
    viewer.connection.close();
    await waitForState(host, (s) => s.players.get(viewer.sessionId)?.connected === false);
    const back = await env.client.reconnect<ClientState>(token);
    back.onMessage("history", () => seen.push("viewer"));
    back.onMessage("view", () => undefined);
    back.send("resync", {});
    await new Promise<void>((resolve) => back.onMessage("view", () => resolve()));
    expect(seen).toEqual([]);
    await Promise.all([host.leave(), back.leave()]);
  });
});
