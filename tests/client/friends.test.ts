// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { answerPick, expectNoProblems, playToEnd } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";

const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

/** The names in the waiting table's line of players. */
const waitingLine = (page: Page) => page.locator(".ask-panel").innerText();

describe("a friends' table in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("Anna opens a table, Bram joins by its link from another browser, bots fill the seats, they play to the end and play again together", async () => {
    const anna = await harness.open({ width: 1920, height: 1080 });
    const bram = await harness.open({ width: 360, height: 640 }, { deviceScaleFactor: 2, hasTouch: true });

    await anna.page.goto(harness.url);
    await anna.page.screenshot({ path: path.join(ARTIFACTS, "home-1920x1080.png"), fullPage: true });
    await anna.page.getByLabel(/Je naam/).fill("Anna");
    await anna.page.getByRole("button", { name: "Tafel openen" }).click();
    const codeEl = anna.page.locator(".friends-code");
    await codeEl.waitFor({ timeout: 15_000 });
    const code = (await codeEl.innerText()).trim();
    expect(code).toMatch(CODE);
    const link = await anna.page.getByLabel("Link om te delen").inputValue();
    expect(link).toBe(new URL(`/join/${code}`, harness.url).href);
    await expect
      .poll(() => anna.page.locator("img.friends-qr").evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await anna.page.screenshot({ path: path.join(ARTIFACTS, "friends-share-1920x1080.png") });

    // Bram follows the link on his phone: the home screen with the code filled in.
    await bram.page.goto(link);
    await bram.page.screenshot({ path: path.join(ARTIFACTS, "home-360x640.png"), fullPage: true });
    expect(await bram.page.locator('input[name="code"]').inputValue()).toBe(code);
    await bram.page.getByLabel(/Je naam/).fill("Bram");
    await bram.page.getByRole("button", { name: "Meedoen" }).click();
    await bram.page.locator(".friends-code").waitFor({ timeout: 15_000 });
    await expect.poll(() => waitingLine(anna.page)).toContain("Bram");
    await expect.poll(() => waitingLine(bram.page)).toContain("Anna");
    // Only the host starts.
    expect(await bram.page.getByRole("button", { name: "Spel starten" }).count()).toBe(0);
    await bram.page.screenshot({ path: path.join(ARTIFACTS, "friends-join-360x640.png") });

    await anna.page.getByRole("button", { name: "Spel starten" }).click();
    for (const p of [anna.page, bram.page]) await p.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
    // Two bots took the empty seats: each player sees three others, and the share box is gone.
    for (const p of [anna.page, bram.page]) {
      await expect.poll(() => p.locator(".seat-layer li").count()).toBe(3);
      expect(await p.locator(".friends-share").count()).toBe(0);
    }
    await anna.page.screenshot({ path: path.join(ARTIFACTS, "friends-table-1920x1080.png") });

    const [asksAnna, asksBram] = await Promise.all([
      playToEnd(anna.page, 240_000, 3),
      playToEnd(bram.page, 240_000, 5),
    ]);
    expect(asksAnna + asksBram).toBeGreaterThan(0);
    for (const p of [anna.page, bram.page])
      await expect.poll(() => p.locator("table.ranking tbody tr").count()).toBe(4);
    await anna.page.screenshot({ path: path.join(ARTIFACTS, "friends-end-1920x1080.png"), fullPage: true });

    // A quartet laid with the last ask offers its pick on the end screen: each answers it first.
    for (const p of [anna.page, bram.page]) while (await answerPick(p)) await p.waitForTimeout(100);
    // Play again: Bram asks first, Anna follows; both sit at one new waiting table.
    await bram.page.getByRole("button", { name: "Nog een keer spelen" }).click();
    const again = bram.page.locator(".friends-code");
    await again.waitFor({ timeout: 15_000 });
    const next = (await again.innerText()).trim();
    expect(next).toMatch(CODE);
    expect(next).not.toBe(code);
    await anna.page.getByRole("button", { name: "Nog een keer spelen" }).click();
    await expect.poll(() => anna.page.locator(".friends-code").innerText({ timeout: 15_000 })).toBe(next);
    await expect.poll(() => waitingLine(bram.page)).toContain("Anna");
    // The first back at the new table hosts it.
    await expect.poll(() => bram.page.getByRole("button", { name: "Spel starten" }).count()).toBe(1);
    await bram.page.screenshot({ path: path.join(ARTIFACTS, "friends-again-360x640.png") });
    await bram.page.getByRole("button", { name: "Spel starten" }).click();
    for (const p of [anna.page, bram.page]) {
      await p.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
      await expect.poll(() => p.locator(".seat-layer li").count()).toBe(3);
    }

    expectNoProblems(anna.problems);
    expectNoProblems(bram.problems);
    await anna.context.close();
    await bram.context.close();
  });
});
