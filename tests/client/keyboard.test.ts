// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askStep, expectNoProblems } from "./driver.js";
import { startHarness, type Harness } from "./harness.js";

/** Presses Tab until the focused element matches `selector` (at most `max` times). */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe("keyboard only", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("starts a game, makes a full ask and opens a card's detail view without a mouse", async () => {
    const { page, context, problems } = await harness.open({ width: 1280, height: 800 });
    await page.goto(harness.url);
    await tabTo(page, 'input[name="name"]');
    await page.keyboard.type("Kim");
    // The form "against computer players": its submit button, reached by Tab past the friends' form.
    await tabTo(page, 'form[aria-labelledby="play-title"] button[type="submit"].primary');
    await page.keyboard.press("Enter");
    await page.locator("[data-table-ready]").waitFor({ timeout: 15_000 });

    // A full ask: player, theme, card, each chosen with Tab and Enter/Space.
    await expect.poll(() => askStep(page), { timeout: 60_000 }).toBe("player");
    await tabTo(page, ".ask-options button");
    await page.keyboard.press("Enter");
    await expect.poll(() => askStep(page)).toBe("theme");
    await tabTo(page, ".ask-options button");
    await page.keyboard.press("Space");
    await expect.poll(() => askStep(page)).toBe("card");
    await tabTo(page, ".ask-options button");
    const question = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    expect(question).toMatch(/^Mag ik van .+ uit .+: .+\?$/);
    await page.keyboard.press("Enter");
    // The ask and its answer are in the log and were announced in the live region.
    await expect.poll(() => page.locator(".log-list").innerText(), { timeout: 10_000 }).toContain(`Jij: “${question}”`);
    await expect.poll(() => page.locator("#live").innerText()).not.toBe("");

    // A card's detail view: Tab to a card in the hand, Enter opens it, Escape closes it and focus returns.
    // The bots play on meanwhile and each card that leaves the hand is drawn anew, so Tab may start over.
    await tabTo(page, ".hand-layer button.card-hit", 200);
    const card = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.card);
    await page.keyboard.press("Enter");
    const dialog = page.locator("dialog[open]");
    await dialog.waitFor();
    expect(await dialog.locator(".card-title").innerText()).not.toBe("");
    expect(await dialog.locator(".set-list li").count()).toBe(4);
    expect(await dialog.locator('.set-list li[aria-current="true"]').count()).toBe(1);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.card)).toBe(card);
    expectNoProblems(problems);
    await context.close();
  });
});
