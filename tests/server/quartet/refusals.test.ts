import { logger, matchMaker } from "@colyseus/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { joinRefusalTexts } from "@iot/shared/i18n/joinRefusals";
import { MAX_FRAME_BYTES } from "../../../server/src/app.js";
import { openTable, useTestServer, waitForState, type QRoom } from "../harness.js";

const env = useTestServer();
afterEach(() => {
  vi.restoreAllMocks();
});

/** What a refused create or join reports through the SDK: its number and sentence. */
async function refusal(attempt: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await attempt;
  } catch (e) {
    const { code, message } = e as { code: number; message: string };
    return { code, message };
  }
  throw new Error("the create or join was not refused");
}

/** Text that looks like a program's key: camelCase or dotted (e.g. "stockHandSize", "home.failed"). */
const KEY_LIKE = /[a-z][A-Z]|\b[a-z]+\.[a-z]+\b/;

describe("refused creates and joins, in the client's language", () => {
  it("a full table says so by its code, in Dutch and in English", async () => {
    const rooms = await openTable(env.client, 3, { seats: 3 });
    const id = rooms[0]?.roomId as string;
    expect(await refusal(env.client.joinById(id, { name: "Vierde" }))).toEqual({
      code: 409,
      message: joinRefusalTexts.nl.TABLE_FULL,
    });
    expect(await refusal(env.client.joinById(id, { name: "Fourth", lang: "en" }))).toEqual({
      code: 409,
      message: "This table is full.",
    });
    expect(joinRefusalTexts.nl.TABLE_FULL).toBe("Deze tafel is vol.");
    // Nobody was seated by the refused joins; the three players are still there.
    expect(rooms[0]?.state.players.size).toBe(3);
    await Promise.all(rooms.map((r) => r.leave()));
  });

  it("a table that has started says so by its code, in Dutch and in English", async () => {
    const [host] = await openTable(env.client, 1, { seats: 3, bots: 2 });
    host?.send("start", {});
    await waitForState(host as QRoom, (s) => s.phase === "playing");
    const id = host?.roomId as string;
    expect(await refusal(env.client.joinById(id, { name: "Laat" }))).toEqual({
      code: 423,
      message: "Deze tafel is al begonnen.",
    });
    expect(await refusal(env.client.joinById(id, { name: "Late", lang: "en" }))).toEqual({
      code: 423,
      message: "This table has already started.",
    });
    expect(host?.state.players.size).toBe(3);
    await host?.leave();
  });

  it("bad options and impossible house rules are refused in the creator's language, naming the rule in words", async () => {
    const before = (await matchMaker.query({})).length;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: "" }, /^Deze tafel kan zo niet: je naam moet 1 tot 24 tekens/],
      [{ name: "Anna", seats: 9, lang: "en" }, /^This table is not possible: .*2 to 6 seats/],
      [
        { name: "Anna", rules: { stockHandSize: 19 } },
        /^Deze tafelregel kan zo niet: met een stapel krijgt iedereen 1 tot 4 kaarten\.$/,
      ],
      [
        { name: "Anna", rules: { stockHandSize: 19 }, lang: "en" },
        /^This table rule is not possible: with a stock everyone gets 1 to 4 cards\.$/,
      ],
      [
        { name: "Anna", rules: { emptyHand: "draw" } },
        /^Deze tafelregel kan zo niet: van de stapel pakken met een lege hand/,
      ],
      [{ name: "Anna", seats: 2, rules: { stockHandSize: 0 }, lang: "en" }, /^This game needs 3 to 6 players\.$/],
    ];
    for (const [options, sentence] of cases) {
      const refused = await refusal(env.client.create("quartet", options));
      expect(refused.code, JSON.stringify(options)).toBe(400);
      expect(refused.message, JSON.stringify(options)).toMatch(sentence);
      expect(refused.message).not.toMatch(KEY_LIKE);
    }
    expect((await matchMaker.query({})).length).toBe(before);
  });

  it("the planner refuses bad options in the creator's language", async () => {
    const nl = await refusal(env.client.create("planner", { name: "" }));
    const en = await refusal(env.client.create("planner", { name: "", lang: "en" }));
    expect(nl.message).toMatch(/^Deze tafel kan zo niet: je naam/);
    expect(en.message).toMatch(/^This table is not possible: your name/);
    for (const m of [nl.message, en.message]) expect(m).not.toMatch(KEY_LIKE);
  });
});

describe("a frame over the limit", () => {
  it("closes the socket with 1009 and logs one line without a stack trace", async () => {
    const lines: string[] = [];
    const capture =
      (level: string) =>
      (...args: unknown[]): void => {
        lines.push(`${level} ${args.map((a) => (a instanceof Error ? String(a.stack) : String(a))).join(" ")}`);
      };
    // Colyseus' logger (console unless the server was given another) and the console itself.
    const colyseusLog = logger as unknown as Record<string, (...a: unknown[]) => void>;
    for (const level of ["error", "warn", "info", "log", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation(capture(level));
      if (colyseusLog !== (console as unknown) && typeof colyseusLog[level] === "function") {
        vi.spyOn(colyseusLog, level).mockImplementation(capture(level));
      }
    }
    const [room] = await openTable(env.client, 1, { seats: 3 });
    const r = room as QRoom;
    r.reconnection.enabled = false;
    const closed = new Promise<number>((resolve) => r.onLeave((code) => resolve(code)));
    r.connection.send(new Uint8Array(MAX_FRAME_BYTES + 1024));
    expect(await closed).toBe(1009);
    await vi.waitFor(() => expect(lines.some((l) => l.includes("over 65536 bytes"))).toBe(true));
    const frameLines = lines.filter((l) => /frame|payload/i.test(l));
    expect(frameLines).toEqual(["warn a client sent a WebSocket frame over 65536 bytes: connection closed (1009)"]);
    expect(lines.join("\n")).not.toMatch(/\n\s+at |RangeError|Max payload size exceeded/);
  });
});
