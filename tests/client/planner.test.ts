// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoProblems } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";

const kpi = (page: Page, key: string) => page.locator(`[data-kpi="${key}"]`).innerText();
const unplannedCount = (page: Page) => page.locator("#pl-unplanned li").count();

/** The host ends the round under way, then starts the next one. */
async function nextRound(page: Page, round: number): Promise<void> {
  await page.locator('[data-key="end"]').click();
  await page.locator('[data-key="next"]').waitFor({ timeout: 15_000 });
  await expect.poll(() => page.locator("#pl-standings").count()).toBe(1);
  await page.locator('[data-key="next"]').click();
  await expect.poll(() => page.locator("#pl-round").innerText()).toContain(String(round));
}

/** Asks the assistant and takes its proposal. */
async function takeProposal(page: Page): Promise<void> {
  await page.locator('[data-key="assist"]').click();
  await page.locator('[data-key="accept"]').waitFor({ timeout: 15_000 });
  await page.locator('[data-key="accept"]').click();
  await expect.poll(() => page.locator('[data-key="assist"]').isEnabled(), { timeout: 15_000 }).toBe(true);
}

describe("the planner game in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("plays all four rounds through the UI and downloads the personal report", async () => {
    const { page, context, problems } = await harness.open({ width: 1280, height: 900 });
    await page.goto(harness.url);
    await page.locator("#open-planner").click();
    await page.locator("#pl-name").fill("Pim");
    await page.locator("#pl-difficulty").selectOption("1");
    await page.locator("#pl-create").click();
    await page.locator('[data-key="start"]').click();
    await expect.poll(() => page.locator("#pl-round").innerText(), { timeout: 15_000 }).toContain("1");

    // Round 1 by hand: the first order with the keyboard (truck list, then the Plan button), the rest by button.
    const before = await unplannedCount(page);
    expect(before).toBe(15);
    await page.locator("#pl-unplanned select").first().focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => unplannedCount(page)).toBe(before - 1);
    for (let left = before - 1; left > 0; left--) {
      await page.locator('#pl-unplanned [data-key^="plan-"]').first().click();
      await expect.poll(() => unplannedCount(page)).toBe(left - 1);
    }
    expect(Number((await kpi(page, "cost")).replace(/\D/g, ""))).toBeGreaterThan(0);
    // Reorder a stop with the keyboard alternative.
    const firstStops = () => page.locator(".planner-truck ol").first().locator("li").allInnerTexts();
    const order = await firstStops();
    await page.locator('.planner-truck [data-key^="down-"]').first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(firstStops).not.toEqual(order);
    // Everything on the first truck: more pallets than it holds, and the desk says so.
    expect(Number(await kpi(page, "over"))).toBeGreaterThan(0);

    // Round 2: the assistant proposes, the planner takes it.
    await nextRound(page, 2);
    await takeProposal(page);
    await expect.poll(() => kpi(page, "over")).toBe("0");
    expect(await kpi(page, "unplanned")).toBe("0");
    await page.screenshot({ path: path.join(ARTIFACTS, "planner-desk.png") });

    // Round 3: the day runs; replan with the assistant.
    await nextRound(page, 3);
    await takeProposal(page);
    await expect.poll(() => page.locator("#pl-clock").innerText()).not.toContain("06:30");

    // Round 4 (alone in the region: nothing to exchange), then the results and the report.
    await nextRound(page, 4);
    await expect.poll(() => page.locator("#pl-offers").count()).toBe(1);
    await page.locator('[data-key="end"]').click();
    await page.locator("#pl-results").waitFor({ timeout: 15_000 });
    expect(await page.locator("#pl-profile meter").count()).toBe(6);
    const download = page.waitForEvent("download");
    await page.locator('[data-key="report"]').click();
    const file = await (await download).path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    await page.screenshot({ path: path.join(ARTIFACTS, "planner-results.png"), fullPage: true });
    expectNoProblems(problems);
    await context.close();
  });
});
