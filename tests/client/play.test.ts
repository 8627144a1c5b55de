// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerPick, atRest, expectNoProblems, playToEnd, quickPlay } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";

describe("quick play in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("a human plays a whole game against 3 bots to the end screen (1920x1080)", async () => {
    const { page, context, problems } = await harness.open({ width: 1920, height: 1080 });
    await quickPlay(page, harness.url, "Tess", 4);
    // The table: three opponents with card backs, the own hand as card faces.
    await expect.poll(() => page.locator(".seat-layer li").count()).toBe(3);
    expect(await page.locator(".hand-layer button.card-hit").count()).toBeGreaterThan(0);
    await atRest(page);
    await page.screenshot({ path: path.join(ARTIFACTS, "table-1920x1080.png") });
    const asks = await playToEnd(page);
    expect(asks).toBeGreaterThan(0);
    // The end screen: ranking of all four players and the table's action plan.
    await expect.poll(() => page.locator("table.ranking tbody tr").count()).toBe(4);
    await expect.poll(() => page.getByRole("heading", { name: /Actieplan van de tafel/ }).count()).toBe(1);
    // Every quartet the player laid has its pick (card + note) in the table's plan.
    while (await answerPick(page, "Met de regio")) await page.waitForTimeout(100);
    const mine = Number(await page.locator("table.ranking tr.me td").last().innerText());
    await expect.poll(() => page.locator(".plan li .plan-who", { hasText: "Tess" }).count()).toBe(mine);
    const log = await page.evaluate(() => document.title);
    expect(log).toContain("afgelopen");
    await page.screenshot({ path: path.join(ARTIFACTS, "end-1920x1080.png"), fullPage: true });
    expectNoProblems(problems);
    await context.close();
  });

  it("shows the table on a phone in portrait (360x640), readable and without overlaps", async () => {
    const { page, context, problems } = await harness.open(
      { width: 360, height: 640 },
      { deviceScaleFactor: 2, hasTouch: true },
    );
    await quickPlay(page, harness.url, "Mo", 4);
    await atRest(page);
    const boxes = await page.evaluate(() => {
      const rect = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      };
      return {
        cards: [...document.querySelectorAll(".hand-layer .card-hit")].map(rect),
        seats: [...document.querySelectorAll(".seat-layer .seat-hit")].map(rect),
        stage: rect(document.querySelector(".stage") as Element),
        panel: rect(document.querySelector(".ask-panel") as Element),
        bar: rect(document.querySelector(".table-bar") as Element),
        scrollW: document.documentElement.scrollWidth,
      };
    });
    type Box = { x: number; y: number; w: number; h: number };
    const overlap = (a: Box, b: Box) =>
      a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
    const inside = (a: Box, b: Box) =>
      a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.w <= b.x + b.w + 0.5 && a.y + a.h <= b.y + b.h + 0.5;
    expect(boxes.scrollW).toBeLessThanOrEqual(360);
    expect(overlap(boxes.bar, boxes.stage) || overlap(boxes.stage, boxes.panel)).toBe(false);
    for (const [i, a] of boxes.cards.entries()) {
      expect(inside(a, boxes.stage)).toBe(true);
      expect(a.w).toBeGreaterThanOrEqual(62);
      for (const b of boxes.cards.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      for (const s of boxes.seats) expect(overlap(a, s)).toBe(false);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "table-360x640.png") });
    expectNoProblems(problems);
    await context.close();
  });
});
