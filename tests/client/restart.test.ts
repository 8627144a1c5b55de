// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openDatabase } from "../../server/src/db/database.js";
import { WorkshopStore } from "../../server/src/db/store.js";
import { answerPick, askStep, besidesRestart, expectNoProblems } from "./driver.js";
import { startHarness, type Harness, type TestPage } from "./harness.js";
import { createWorkshop, facilitatorData, joinAs } from "./workshopSteps.js";

/** The promise: every participant is back at their seat within this long of the crash (ms). */
const BACK_WITHIN_MS = 15_000;
/** The participants, in the order they join. */
const names = ["Anna", "Bram", "Chris"];

/** The cards of the own hand as the table screen shows them. */
function hand(page: Page): Promise<string> {
  return page.locator(".hand-layer button.card-hit").evaluateAll((els) =>
    els
      .map((e) => (e as HTMLElement).dataset.card)
      .sort()
      .join(","),
  );
}

/** Marks the table screen of `page` and records every connection status it shows from now on. */
async function watchScreen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.querySelector(".table-screen") as HTMLElement;
    const w = window as unknown as { screenBefore: HTMLElement; seen: string[] };
    w.screenBefore = el;
    w.seen = [];
    new MutationObserver(() => w.seen.push(el.dataset.connection ?? "")).observe(el, {
      attributes: true,
      attributeFilter: ["data-connection"],
    });
  });
}

/** True when the same table screen as before the restart is shown (nothing reloaded or rebuilt) and connected. */
function sameScreenConnected(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const w = window as unknown as { screenBefore: HTMLElement };
    const el = document.querySelector(".table-screen") as HTMLElement | null;
    return el !== null && el === w.screenBefore && el.dataset.connection === "connected";
  });
}

describe("a server restart in the middle of a workshop game, in Chromium", () => {
  let harness: Harness;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = facilitatorData("iot-restart-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  /** The table's saved game as the restarted server will read it: asks so far and whose seats are bots. */
  async function saved(): Promise<{ asks: number; bots: number; turn: string; hands: Record<string, string> }> {
    const db = await openDatabase({ dataDir });
    try {
      const store = new WorkshopStore(db);
      const [table] = await store.playingTables();
      const json = table ? await store.snapshot(table.id) : undefined;
      if (!json) return { asks: -1, bots: -1, turn: "", hands: {} };
      const snap = JSON.parse(json) as {
        table: {
          state: { game: { asks: number; turn: string; hands: Record<string, string[]> } };
          seats: { id: string; name: string; isBot: boolean }[];
        };
      };
      const { game } = snap.table.state;
      return {
        asks: game.asks,
        bots: snap.table.seats.filter((s) => s.isBot).length,
        turn: snap.table.seats.find((s) => s.id === game.turn)?.name ?? "",
        hands: Object.fromEntries(
          snap.table.seats.map((s) => [s.name, [...(game.hands[s.id] ?? [])].sort().join(",")]),
        ),
      };
    } finally {
      await db.destroy();
    }
  }

  /** Makes one ask through the ask panel of whoever has the turn (choosing a player, a theme and a card as the panel asks). */
  async function askOnce(players: TestPage[]): Promise<void> {
    const choosing = (step: string | null) => step === "player" || step === "theme" || step === "card";
    let mine: Page | undefined;
    await expect
      .poll(
        async () => {
          const steps = await Promise.all(players.map((p) => askStep(p.page)));
          mine = players[steps.findIndex(choosing)]?.page;
          return mine !== undefined;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const page = mine as Page;
    for (let step = await askStep(page); choosing(step);) {
      // A quartet just laid asks for the action pick first.
      await answerPick(page);
      await page.locator(".ask-panel .ask-options button:not([disabled])").first().click();
      if (step === "card") return;
      const was = step;
      await expect.poll(() => askStep(page)).not.toBe(was);
      step = await askStep(page);
    }
  }

  /** Restarts the server with `signal` and checks every participant is back at the same screen, seat and hand. */
  async function restartAndComeBack(players: TestPage[], consolePage: Page, signal: "SIGKILL" | "SIGTERM") {
    const before = await saved();
    // Each screen shows the hand the server saved (the last move's cards have landed).
    for (const [i, p] of players.entries())
      await expect.poll(() => hand(p.page)).toBe(before.hands[names[i] as string]);
    for (const p of players) await watchScreen(p.page);
    const t0 = Date.now();
    await harness.restart(signal);
    const up = Date.now() - t0;
    const back = await Promise.all(
      players.map(async (p) => {
        await expect.poll(() => sameScreenConnected(p.page), { timeout: BACK_WITHIN_MS, interval: 50 }).toBe(true);
        return Date.now() - t0;
      }),
    );
    console.log(`[restart ${signal}] server up again after ${up} ms; participants back after ${back.join(", ")} ms`);
    for (const ms of back) expect(ms).toBeLessThan(BACK_WITHIN_MS);
    for (const [i, p] of players.entries()) {
      // They really lost the connection, and nothing was reloaded: the same screen shows the same hand and turn.
      const seen = await p.page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen).toContain("reconnecting");
      expect(seen).not.toContain("lost");
      await expect.poll(() => hand(p.page)).toBe(before.hands[names[i] as string]);
      const turn = before.turn === names[i] ? "Jij bent aan de beurt" : `${before.turn} is aan de beurt`;
      await expect.poll(() => p.page.locator(".turn").innerText()).toBe(turn);
    }
    // No move was made while they were away, and every seat is still theirs (no bot took one over).
    expect(await saved()).toEqual(before);
    // The facilitator's console picked up by itself: all three connected again.
    await expect
      .poll(() => consolePage.locator('.table-card[data-table="1"] li', { hasText: "verbonden" }).count(), {
        timeout: 10_000,
      })
      .toBe(3);
    expect(await consolePage.locator('.table-card[data-table="1"] li', { hasText: /· (weg|computer) ·/ }).count()).toBe(
      0,
    );
    return before;
  }

  it("brings 3 participants back to their seats and hands without a reload after SIGKILL (and SIGTERM), no bot playing for them", async () => {
    const fac = await harness.open({ width: 1600, height: 1000 });
    const page = fac.page;
    const code = await createWorkshop(page, harness.url, "Herstart in de zaal", { tableSize: "3" });

    const players: TestPage[] = [];
    for (const name of names) players.push(await joinAs(harness, code, name));
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(3);
    await page.getByRole("button", { name: "Tafels indelen" }).click();
    await expect.poll(() => page.locator('.table-card[data-table="1"] li').count()).toBe(3);
    await page.getByRole("button", { name: "Alle tafels starten" }).click();
    for (const p of players) await p.page.locator("[data-table-ready]").waitFor({ timeout: 30_000 });
    for (const p of players) {
      // A quartet in the dealt hand asks for its action pick first.
      await answerPick(p.page);
      const off = p.page.getByRole("button", { name: /Animaties uit/ });
      if ((await off.count()) > 0) await off.click();
    }

    // Two asks are played and saved; then the server is killed and started again.
    await askOnce(players);
    await expect.poll(async () => (await saved()).asks, { timeout: 10_000 }).toBe(1);
    await askOnce(players);
    await expect.poll(async () => (await saved()).asks, { timeout: 10_000 }).toBe(2);
    const { asks } = await restartAndComeBack(players, page, "SIGKILL");
    expect(asks).toBe(2);

    // The game goes on at the restored table, and the console follows it.
    await askOnce(players);
    await expect.poll(async () => (await saved()).asks, { timeout: 10_000 }).toBe(3);
    await expect
      .poll(() => page.locator('.table-card[data-table="1"]').innerText(), { timeout: 10_000 })
      .toMatch(/3 vragen/);

    // A clean stop (SIGTERM: the server closes the tables with its shutdown code) brings them back the same way.
    await restartAndComeBack(players, page, "SIGTERM");
    await askOnce(players);
    await expect.poll(async () => (await saved()).asks, { timeout: 10_000 }).toBe(4);
    // While the server was down its requests failed, as they must; nothing else went wrong.
    for (const p of [fac, ...players]) expectNoProblems(besidesRestart(p.problems));
  });
});
