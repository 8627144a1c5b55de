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

/** Starts counting the action-pick dialogs that open (each is added to the body); see `pickDialogs`. */
async function countPickDialogs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { pickDialogs: number };
    w.pickDialogs = document.querySelectorAll("dialog.pick-dialog").length;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof HTMLDialogElement && n.classList.contains("pick-dialog")) w.pickDialogs++;
    }).observe(document.body, { childList: true });
  });
}

/** How many action-pick dialogs opened since `countPickDialogs`. */
function pickDialogs(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { pickDialogs: number }).pickDialogs);
}

/** Whether `card` is in the hand. */
async function held(page: Page, card: string): Promise<boolean> {
  return (await page.locator(`.hand-layer button.card-hit[data-card="${card}"]`).count()) > 0;
}

/**
 * Tabs to a card of the hand; an action pick that opens over the table on the way (a quartet the ask laid)
 * is put off with Escape, as a player would who wants to see a card first.
 */
async function tabToCard(page: Page, max = 200): Promise<void> {
  const pick = page.locator("dialog.pick-dialog[open]");
  for (let i = 0; i < max; i++) {
    if ((await pick.count()) > 0) {
      await page.keyboard.press("Escape");
      await pick.waitFor({ state: "detached", timeout: 5_000 });
    }
    if (await page.evaluate(() => document.activeElement?.matches(".hand-layer button.card-hit") ?? false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached a card of the hand");
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
    // The bots play on meanwhile: each card that leaves the hand is drawn anew, so Tab may start over; a bot may
    // ask for the very card that has focus; and a quartet the ask laid opens its pick dialog over the table a
    // moment later, which takes Tab and Enter. Such a round is made again with the card then in focus (a few at
    // most); an Enter on a card still held, with no pick dialog come in between, that opens no detail view fails.
    await countPickDialogs(page);
    const detail = page.locator("dialog[open]:not(.pick-dialog)");
    for (let round = 1; ; round++) {
      const picks = await pickDialogs(page);
      await tabToCard(page);
      const card = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.card ?? "");
      await page.keyboard.press("Enter");
      const opened = await detail.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (!opened) {
        // A broken detail view fails every round, so the loop ends in a failure all the same.
        const interrupted = !(await held(page, card)) || (await pickDialogs(page)) > picks;
        expect(interrupted, `Enter on the hand's card ${card} opened no detail view`).toBe(true);
        expect(round, "rounds interrupted by the bots").toBeLessThan(5);
        continue;
      }
      expect(await detail.locator(".card-title").innerText()).not.toBe("");
      expect(await detail.locator(".set-list li").count()).toBe(4);
      expect(await detail.locator('.set-list li[aria-current="true"]').count()).toBe(1);
      await page.keyboard.press("Escape");
      await detail.waitFor({ state: "detached" });
      const back = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.card);
      // A card a bot took while its view was open has no button to come back to: another round.
      if (back !== card && !(await held(page, card))) {
        expect(round, "rounds interrupted by the bots").toBeLessThan(5);
        continue;
      }
      expect(back).toBe(card);
      break;
    }
    expectNoProblems(problems);
    await context.close();
  });
});
