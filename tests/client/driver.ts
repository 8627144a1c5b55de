/**
 * What a player does in the browser, for the tests: open the home screen,
 * start quick play, make asks through the ask panel, answer the action
 * pick, and play on to the end screen.
 */
import { expect } from "vitest";
import type { Page } from "playwright-core";

/** Opens the home screen, fills in a name and starts "Play now" with the given seats; waits until the table is interactive. */
export async function quickPlay(page: Page, url: string, name = "Tess", seats = 4): Promise<number> {
  await page.goto(url);
  await page.getByLabel(/Je naam|Your name/).fill(name);
  await page.locator('select[name="seats"]').selectOption(String(seats));
  const t0 = Date.now();
  await page.getByRole("button", { name: /^(Nu spelen|Play now)$/ }).click({ timeout: 10_000 });
  await page.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
  return Date.now() - t0;
}

/** The ask panel's step ("player", "theme", "card", "idle", "sending", "start"). */
export function askStep(page: Page): Promise<string | null> {
  return page
    .locator(".ask-panel")
    .getAttribute("data-step", { timeout: 2_000 })
    .catch(() => null);
}

/**
 * Waits until the table is at rest for a screenshot: the player's turn (the
 * bots wait for it) when it comes within a while, and no animation playing.
 */
export async function atRest(page: Page): Promise<void> {
  await expect
    .poll(() => askStep(page), { timeout: 20_000 })
    .toBe("player")
    .catch(() => undefined);
  const moment = () => page.locator(".table-screen").getAttribute("data-moment");
  const calm = await expect
    .poll(moment, { timeout: 5_000 })
    .not.toBe("on")
    .then(() => true)
    .catch(() => false);
  // Fast bots playing among themselves keep cards moving: switch animations off (a tool in the bar).
  if (!calm) await page.getByRole("button", { name: /Animaties uit|Animations off/ }).click();
  await page.waitForTimeout(200);
  if (await answerPick(page)) await atRest(page);
}

/** Submits an open action-pick dialog with its first choice; true when there was one. */
export async function answerPick(page: Page, note = ""): Promise<boolean> {
  const dialog = page.locator("dialog.pick-dialog[open]").last();
  if ((await dialog.count()) === 0) return false;
  if (note) await dialog.locator("textarea").fill(note, { timeout: 5_000 });
  await dialog.locator('button[type="submit"]').click({ timeout: 5_000 });
  await dialog.waitFor({ state: "detached", timeout: 5_000 });
  return true;
}

/**
 * Plays by clicking a random legal choice whenever it is the player's turn,
 * answering action picks, until the end screen shows. Returns the number of
 * own asks made.
 */
export async function playToEnd(page: Page, timeoutMs = 240_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let asks = 0;
  while (Date.now() < deadline) {
    if ((await page.locator("[data-end]").count()) > 0) return asks;
    if (await answerPick(page, asks % 2 === 0 ? "Samen met de regio oppakken" : "")) continue;
    const step = await askStep(page);
    if (step === "player" || step === "theme" || step === "card") {
      // A random legal choice: the options offered are exactly the legal ones.
      const options = page.locator(".ask-panel .ask-options button");
      const n = await options.count();
      const clicked = await options
        .nth(Math.floor(Math.random() * Math.max(1, n)))
        .click({ timeout: 1_000 })
        .then(() => true)
        .catch(() => false);
      if (clicked && step === "card") asks++;
      continue;
    }
    await page.waitForTimeout(40);
  }
  throw new Error("the game did not reach the end screen in time");
}

/** Fails the test when the page logged errors or a request failed. */
export function expectNoProblems(problems: string[]): void {
  expect(problems, problems.join("\n")).toEqual([]);
}
