import { captureBytes } from "../harness.js";
import { describe, expect, it } from "vitest";
import {
  BOT_THINKS_MS,
  legalAskFor,
  nextMessage,
  openTable,
  PLAYER_THINKS_MS,
  useTestServer,
  testRandom,
  waitForState,
  type ClientState,
  type QRoom,
} from "../harness.js";

const env = useTestServer();

/** Who laid each theme, from a client's decoded state. */
function layers(s: ClientState): Map<string, string> {
  const out = new Map<string, string>();
  s.players.forEach((p, id) => {
    for (const theme of p.quartets) out.set(theme, id);
  });
  return out;
}

describe("quartet room: an action plan without holes", () => {
  it("takes deferred picks after the end and lets the humans pick the bots' quartets, the first one counting", async () => {
    const rooms = await openTable(env.client, 2, { seats: 4, bots: 2, botLevel: "easy" });
    const [anna, ben] = rooms as [QRoom, QRoom];
    const frames = captureBytes(ben);
    const rejections: string[] = [];
    for (const r of rooms) r.onMessage("rejected", (m: { code: string }) => rejections.push(m.code));
    anna.send("start", {});
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "playing")));
    const rnd = testRandom(11);
    // Nobody picks during play: every pick is deferred ("Later kiezen" sends nothing).
    for (let n = 0; n < 2_000 && anna.state.phase === "playing"; n++) {
      const human = rooms.find((r) => r.sessionId === anna.state.turn);
      const before = anna.state.asks;
      if (human) {
        env.clock.advance(PLAYER_THINKS_MS);
        human.send("ask", legalAskFor(human, rnd));
      } else {
        env.clock.advance(BOT_THINKS_MS);
      }
      // Both clients have the move before the next one is chosen from their states.
      await Promise.all(
        rooms.map((r) => waitForState(r, (s) => s.asks > before || s.phase !== "playing", 10_000, `ask ${n}`)),
      );
    }
    await Promise.all(rooms.map((r) => waitForState(r, (s) => s.phase === "finished")));
    expect(anna.state.plan.length).toBe(0);
    const laidBy = layers(anna.state);
    expect(laidBy.size).toBe(5);
    const botThemes = [...laidBy].filter(([, id]) => anna.state.players.get(id)?.isBot).map(([t]) => t);
    expect(botThemes.length).toBeGreaterThan(0);

    // After the end each human makes their own deferred picks.
    const own = (room: QRoom) => [...laidBy].filter(([, id]) => id === room.sessionId).map(([t]) => t);
    let expected = 0;
    for (const room of rooms) {
      for (const theme of own(room)) {
        env.clock.advance(PLAYER_THINKS_MS);
        room.send("pick", { card: `${theme}-1`, note: `eigen ${theme}` });
        expected++;
        await waitForState(ben, (s) => s.plan.length === expected, 10_000, `pick ${expected} (${rejections.join()})`);
      }
    }
    // Anna picks the bots' quartets first; Ben's pick of one of them is refused and he keeps his seat.
    for (const theme of botThemes) {
      env.clock.advance(PLAYER_THINKS_MS);
      anna.send("pick", { card: `${theme}-3`, note: `van de bot ${theme}` });
      expected++;
      await waitForState(ben, (s) => s.plan.length === expected, 10_000, `pick ${expected} (${rejections.join()})`);
    }
    env.clock.advance(PLAYER_THINKS_MS);
    const refused = nextMessage<{ code: string; message: string }>(ben, "rejected");
    ben.send("pick", { card: `${botThemes[0]}-4` });
    expect(await refused).toMatchObject({ code: "ALREADY_PICKED", message: expect.stringMatching(/al een actie/) });
    expect(ben.connection.isOpen).toBe(true);

    // The plan Ben decoded has all five quartets, and the picks reached him as bytes.
    const plan = [...ben.state.plan];
    expect(plan.map((p) => p.theme).sort()).toEqual([...laidBy.keys()].sort());
    for (const p of plan) {
      const byBot = botThemes.includes(p.theme);
      expect(p.player).toBe(byBot ? anna.sessionId : laidBy.get(p.theme));
      expect(p.card).toBe(`${p.theme}-${byBot ? 3 : 1}`);
    }
    const bytes = Buffer.concat(frames).toString("utf8");
    for (const theme of botThemes) expect(bytes).toContain(`van de bot ${theme}`);
    for (const theme of laidBy.keys()) {
      if (!botThemes.includes(theme)) expect(bytes).toContain(`eigen ${theme}`);
    }
  });
});
