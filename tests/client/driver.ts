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
  // This dialog, not whichever is last by then: a second quartet's pick may open as this one closes.
  const handle = await dialog.elementHandle({ timeout: 5_000 });
  await dialog.locator('button[type="submit"]').click({ timeout: 5_000 });
  await page.waitForFunction((d) => !d.isConnected || !(d as HTMLDialogElement).open, handle, { timeout: 5_000 });
  return true;
}

/**
 * Plays on to the end screen: whenever it is the player's turn it presses one
 * of the choices the ask panel offers (exactly the legal ones), picked by a
 * generator seeded with `seed`, and it answers action picks. Animations are
 * switched off first (the tool in the table's bar), as a player in a hurry
 * would. Returns the number of own asks made.
 */
export async function playToEnd(page: Page, timeoutMs = 240_000, seed = 1): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const motionOff = page.getByRole("button", { name: /Animaties uit|Animations off/ });
  if ((await motionOff.count()) > 0) await motionOff.click({ timeout: 5_000 }).catch(() => undefined);
  let state = seed >>> 0 || 1;
  const draw = () => {
    // xorshift32: a fixed sequence of choices for a seed.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
  let asks = 0;
  while (Date.now() < deadline) {
    // One look at the page per step: ended, a pick to answer, or a choice pressed.
    const seen = await page.evaluate((r) => {
      if (document.querySelector("[data-end]")) return "end";
      if (document.querySelector("dialog.pick-dialog[open]")) return "pick";
      const step = document.querySelector(".ask-panel")?.getAttribute("data-step") ?? "";
      if (step !== "player" && step !== "theme" && step !== "card") return "wait";
      const options = [...document.querySelectorAll<HTMLButtonElement>(".ask-panel .ask-options button")].filter(
        (b) => !b.disabled,
      );
      const choice = options[Math.floor(r * options.length)];
      if (!choice) return "wait";
      choice.click();
      return step === "card" ? "asked" : "chose";
    }, draw());
    if (seen === "end") return asks;
    if (seen === "pick") {
      await answerPick(page, asks % 2 === 0 ? "Samen met de regio oppakken" : "").catch(() => false);
      continue;
    }
    if (seen === "asked") asks++;
    if (seen === "wait") await page.waitForTimeout(40);
  }
  throw new Error("the game did not reach the end screen in time");
}

/** Fails the test when the page logged errors or a request failed. */
export function expectNoProblems(problems: string[]): void {
  expect(problems, problems.join("\n")).toEqual([]);
}

/**
 * The problems left when the ones a server restart causes are taken out: requests that failed on the network
 * (net::ERR_...), the console lines the browser writes for them and for WebSocket connections that failed. Page errors and HTTP errors stay.
 */
export function besidesRestart(problems: string[]): string[] {
  return problems.filter(
    (x) =>
      !/^request failed: \S+ net::ERR_[A-Z_]+$/.test(x) &&
      !/^console: Failed to load resource: net::ERR_[A-Z_]+$/.test(x) &&
      !/^console: WebSocket connection to '\S+' failed: /.test(x),
  );
}
