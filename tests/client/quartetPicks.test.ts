// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoProblems, quickPlay } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";

/** Closes an open pick dialog with "Later kiezen"; true when there was one. */
async function deferPick(page: Page): Promise<boolean> {
  const dialog = page.locator("dialog.pick-dialog[open]").last();
  if ((await dialog.count()) === 0) return false;
  await dialog.getByRole("button", { name: "Later kiezen" }).click({ timeout: 5_000 });
  await dialog.waitFor({ state: "detached", timeout: 5_000 });
  return true;
}

/** Plays to the end screen pressing the first legal choice each time, putting off every pick; returns the deferrals. */
async function playDeferring(page: Page): Promise<number> {
  const deadline = Date.now() + 240_000;
  await page.getByRole("button", { name: /Animaties uit/ }).click({ timeout: 5_000 });
  let deferred = 0;
  while (Date.now() < deadline) {
    const seen = await page.evaluate(() => {
      if (document.querySelector("[data-end]")) return "end";
      if (document.querySelector("dialog.pick-dialog[open]")) return "pick";
      const step = document.querySelector(".ask-panel")?.getAttribute("data-step") ?? "";
      if (step !== "player" && step !== "theme" && step !== "card") return "wait";
      const choice = [...document.querySelectorAll<HTMLButtonElement>(".ask-panel .ask-options button")].find(
        (b) => !b.disabled,
      );
      choice?.click();
      return choice ? "chose" : "wait";
    });
    if (seen === "end") return deferred;
    if (seen === "pick" && (await deferPick(page).catch(() => false))) {
      deferred++;
      // While the game runs, the put-off pick waits in the ask panel.
      const panel = await page.locator(".ask-panel button.pick-open").count();
      if (panel === 0 && (await page.locator("[data-end]").count()) === 0) throw new Error("no open pick in the panel");
    }
    if (seen === "wait") await page.waitForTimeout(40);
  }
  throw new Error("the game did not reach the end screen in time");
}

/** Picks from the open quartet whose button matches `label`, with `note`; returns the dialog's title. */
async function pickFromEnd(page: Page, label: RegExp, note: string): Promise<string> {
  await page.locator(".open-picks button.pick-open", { hasText: label }).first().click();
  const dialog = page.locator("dialog.pick-dialog[open]");
  const title = await dialog.locator("form > h2").innerText();
  await dialog.locator('input[type="radio"]').nth(1).check();
  await dialog.locator("textarea").fill(note);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: "detached", timeout: 5_000 });
  return title;
}

describe("action plans without holes in Chromium (1920x1080)", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("puts off every pick during play, makes one on the end screen and picks a bot's quartet", async () => {
    // Deals are random: play until Tess laid a quartet of her own (and so the bots fewer than five).
    let mine: number;
    let opened = await harness.open({ width: 1920, height: 1080 });
    for (let game = 0; ; game++) {
      await quickPlay(opened.page, harness.url, "Tess", 4);
      await playDeferring(opened.page);
      await opened.page.locator("[data-end]").waitFor();
      mine = Number(await opened.page.locator("table.ranking tr.me td").last().innerText());
      if (mine > 0 || game === 3) break;
      expectNoProblems(opened.problems);
      await opened.context.close();
      opened = await harness.open({ width: 1920, height: 1080 });
    }
    const { page, context, problems } = opened;
    expect(mine).toBeGreaterThan(0);
    while (await deferPick(page)) await page.waitForTimeout(100);
    // Nothing was picked: every quartet of the table is still open to Tess, her own and the bots'.
    await expect.poll(() => page.locator(".plan li").count()).toBe(0);
    const open = page.locator(".open-picks button.pick-open");
    await expect.poll(() => open.count()).toBe(5);
    await expect.poll(() => page.locator(".open-picks button", { hasText: /jouw|je kwartet/ }).count()).toBe(mine);
    await expect.poll(() => page.locator(".open-picks button", { hasText: /van Bot \d/ }).count()).toBe(5 - mine);
    await page.screenshot({ path: path.join(ARTIFACTS, "picks-open-1920x1080.png"), fullPage: true });

    // A deferred pick made on the end screen.
    const ownTitle = await pickFromEnd(page, /je kwartet/, "Later toch gekozen");
    expect(ownTitle).toMatch(/^Kwartet .+!$/);
    await expect.poll(() => page.locator(".plan li", { hasText: "Later toch gekozen" }).count()).toBe(1);
    await expect.poll(() => open.count()).toBe(4);

    // A bot's quartet, picked by Tess: the dialog names the bot, the plan names Tess.
    if (mine < 5) {
      await page
        .locator(".open-picks button.pick-open", { hasText: /van Bot \d/ })
        .first()
        .click();
      await page.locator("dialog.pick-dialog[open]").waitFor();
      expect(await page.locator("dialog.pick-dialog[open] legend").innerText()).toMatch(/Een bot speelt deze plek/);
      await page.screenshot({ path: path.join(ARTIFACTS, "picks-bot-dialog-1920x1080.png") });
      await deferPick(page);
      const botTitle = await pickFromEnd(page, /van Bot \d/, "Voor de bot gekozen");
      expect(botTitle).toMatch(/van .*Bot \d/);
      const botPick = page.locator(".plan li", { hasText: "Voor de bot gekozen" });
      await expect.poll(() => botPick.count()).toBe(1);
      expect(await botPick.locator(".plan-who").innerText()).toMatch(/Tess/);
    }
    // The rest, whatever it is: afterwards the plan has all five quartets and nothing is open.
    while ((await open.count()) > 0) await pickFromEnd(page, /./, "");
    await expect.poll(() => page.locator(".plan li").count()).toBe(5);
    expect(await page.locator(".open-picks").count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "picks-complete-1920x1080.png"), fullPage: true });
    expectNoProblems(problems);
    await context.close();
  });
});
