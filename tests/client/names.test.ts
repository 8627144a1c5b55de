// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoProblems, playToEnd, quickPlay } from "./driver.js";
import { startHarness, type Harness } from "./harness.js";

describe("names on screen", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("a name typed with U+202E is shown as Anna, isolated in <bdi>, in the log, the ask panel and the ranking", async () => {
    const { page, context, problems } = await harness.open({ width: 1280, height: 800 });
    await quickPlay(page, harness.url, "\u202EAnna", 3);
    const shown = () =>
      page.evaluate(() => ({
        rle: document.body.innerText.includes("\u202E"),
        logBdi: [...document.querySelectorAll(".log-list li bdi")].map((b) => b.textContent ?? ""),
        panelBdi: [...document.querySelectorAll(".ask-panel bdi")].map((b) => b.textContent ?? ""),
        turnBdi: [...document.querySelectorAll("#turn-status bdi")].map((b) => b.textContent ?? ""),
      }));
    // The bots' names in the log, the ask panel (the players to ask) or the turn banner are isolated.
    await expect
      .poll(async () => {
        const s = await shown();
        return s.logBdi.length + s.panelBdi.length + s.turnBdi.length > 0;
      })
      .toBe(true);
    expect((await shown()).rle).toBe(false);
    await playToEnd(page);
    await expect.poll(() => page.locator("table.ranking tbody tr").count()).toBe(3);
    const me = page.locator("table.ranking tr.me th");
    expect(await me.locator("bdi").innerText()).toBe("Anna");
    expect(await me.innerText()).toMatch(/^Anna \((Jij|You)\)$/);
    const end = await page.evaluate(() => ({
      rle: document.body.innerText.includes("\u202E"),
      names: [...document.querySelectorAll("table.ranking th bdi")].length,
    }));
    expect(end).toEqual({ rle: false, names: 3 });
    expectNoProblems(problems);
    await context.close();
  });
});
