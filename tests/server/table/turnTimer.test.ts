import { describe, expect, it } from "vitest";
import { letBotAsk, nextMessage, openTable, useTestServer, tableOf, waitForState, type QRoom } from "../harness.js";

const env = useTestServer();

/** Asks as the server holds them: no patch in between. */
const asksAt = (room: QRoom) => (tableOf(env.server, room.roomId).state as { asks: number }).asks;

/** Plays the bots' turns until it is a human's turn (bots think on the fake clock). */
async function untilHumanTurn(room: QRoom): Promise<void> {
  for (let n = 0; n < 200 && room.state.players.get(room.state.turn)?.isBot; n++) await letBotAsk(env.clock, room);
  expect(room.state.players.get(room.state.turn)?.isBot).toBe(false);
}

describe("table host: more time on the turn timer", () => {
  it("moves the deadline on by the turn time once per move, and the seat's bot asks only when that runs out", async () => {
    const rooms = await openTable(env.client, 2, { seats: 4, bots: 2, turnSeconds: 30 });
    const [host] = rooms as [QRoom, QRoom];
    host.send("start", {});
    await waitForState(host, (s) => s.phase === "playing");
    await untilHumanTurn(host);
    const player = rooms.find((r) => r.sessionId === host.state.turn) as QRoom;
    const other = rooms.find((r) => r !== player) as QRoom;
    const deadline = host.state.turnDeadline;
    expect(deadline).toBeGreaterThan(0);

    other.send("moreTime", {});
    expect(await nextMessage(other, "rejected")).toMatchObject({ code: "NOT_YOUR_TURN" });
    player.send("moreTime", {});
    await waitForState(host, (s) => s.turnDeadline === deadline + 30_000, 5_000, "the later deadline");
    player.send("moreTime", {});
    const again = await nextMessage<{ code: string; message: string }>(player, "rejected");
    expect(again).toMatchObject({ code: "NO_MORE_TIME", message: "Voor deze beurt heb je de extra tijd al gekregen." });

    // Past the first deadline nobody has asked for the player; at the later one the seat's bot does.
    const asks = asksAt(host);
    env.clock.advance(deadline - env.clock.now() + 1);
    expect(asksAt(host)).toBe(asks);
    env.clock.advance(deadline + 30_000 - 1 - env.clock.now());
    expect(asksAt(host)).toBe(asks);
    env.clock.advance(1);
    await waitForState(host, (s) => s.asks > asks, 5_000, "the bot's ask for the player");
    await Promise.all(rooms.map((r) => r.leave()));
  });

  it("refuses more time at a table without a turn timer", async () => {
    const rooms = await openTable(env.client, 2, { seats: 4, bots: 2 });
    const [host] = rooms as [QRoom, QRoom];
    host.send("start", {});
    await waitForState(host, (s) => s.phase === "playing");
    await untilHumanTurn(host);
    const player = rooms.find((r) => r.sessionId === host.state.turn) as QRoom;
    player.send("moreTime", {});
    expect(await nextMessage(player, "rejected")).toMatchObject({ code: "BAD_MESSAGE" });
    expect(host.state.turnDeadline).toBe(0);
    await Promise.all(rooms.map((r) => r.leave()));
  });
});
