// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import { Client } from "@colyseus/sdk";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askStep, expectNoProblems, quickPlay } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";

/** What has focus: its tag, its class and its data-key or data-card. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "body";
    return `${el.tagName.toLowerCase()}.${el.className}#${el.id}|${el.dataset.key ?? el.dataset.card ?? ""}`;
  });
}

/** Presses Tab until the focused element matches `selector` (at most `max` times). */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** How many elements matching `selector` are Tab stops (tabindex not -1). */
function tabStops(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex >= 0).length);
}

/** Presses Tab `n` times from the top and lists every focused element that has no box or is hidden. */
function invisibleTabStops(page: Page, n: number): Promise<string[]> {
  return (async () => {
    const hidden: string[] = [];
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < n; i++) {
      await page.keyboard.press("Tab");
      const bad = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return "";
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const seen = r.width > 0 && r.height > 0 && style.visibility !== "hidden" && Number(style.opacity) > 0;
        return seen ? "" : `${el.tagName.toLowerCase()}.${el.className}`;
      });
      if (bad) hidden.push(bad);
    }
    return hidden;
  })();
}

/** Visible controls smaller than WCAG 2.2's 24 by 24 CSS px target (2.5.8), as "class: w x h". */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button, a[href], input, select, [tabindex='0']")]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ el, r }) => r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden")
      .filter(({ r }) => r.width < 24 || r.height < 24)
      .map(({ el, r }) => `${el.className}: ${Math.round(r.width)} x ${Math.round(r.height)}`),
  );
}

describe("the quartet table's log and keyboard", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("moves with the arrow keys in the ask's choices and the hand, keeps focus on a control after an ask, and has the log back after a reload (1920x1080)", async () => {
    const { page, context, problems } = await harness.open({ width: 1920, height: 1080 });
    await quickPlay(page, harness.url, "Lea", 4);
    await expect.poll(() => askStep(page), { timeout: 60_000 }).toBe("player");

    // The log is always shown at this width: its open and close buttons are hidden and never a Tab stop.
    expect(await page.locator(".log-close").evaluate((e) => getComputedStyle(e).display)).toBe("none");
    expect(await page.locator(".log-toggle").evaluate((e) => getComputedStyle(e).display)).toBe("none");
    expect(await invisibleTabStops(page, 25)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    // The players to ask: one Tab stop; the arrow keys, Home and End move within them.
    const options = ".ask-options button";
    expect(await page.locator(options).count()).toBeGreaterThan(1);
    expect(await tabStops(page, options)).toBe(1);
    await tabTo(page, options);
    const first = await focused(page);
    await page.keyboard.press("ArrowRight");
    const second = await focused(page);
    expect(second).not.toBe(first);
    expect(second).toMatch(/^button\.choice-btn/);
    await page.keyboard.press("ArrowLeft");
    expect(await focused(page)).toBe(first);
    await page.keyboard.press("End");
    const last = await focused(page);
    await page.keyboard.press("Home");
    expect(await focused(page)).toBe(first);
    await page.keyboard.press("ArrowLeft");
    expect(await focused(page)).toBe(last);
    // Tab leaves the group at once, Shift+Tab comes back to the same choice.
    await page.keyboard.press("Tab");
    expect(await focused(page)).not.toMatch(/choice-btn/);
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page)).toBe(last);

    // A whole ask by keys: a player, a theme and a card, each with the arrow keys and Enter.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect.poll(() => askStep(page)).toBe("theme");
    expect(await focused(page)).toMatch(/theme-btn/);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => askStep(page)).toBe("card");
    expect(await focused(page)).toMatch(/card-btn/);
    expect(await tabStops(page, options)).toBe(1);
    await page.keyboard.press("ArrowRight");
    const question = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".log-list").innerText(), { timeout: 10_000 }).toContain(question);
    // After the ask, focus is never left on the page: a choice when the turn stays, else the panel's heading,
    // or the pick dialog a quartet the ask laid (a hit or the draw) opens a moment later, which takes focus as a
    // modal does; put off with Escape, it gives focus back to a choice or the heading.
    const pick = page.locator("dialog.pick-dialog[open]");
    const after: string[] = [];
    for (let i = 0; i < 10; i++) {
      const inPick = await page.evaluate(() => !!document.activeElement?.closest("dialog.pick-dialog[open]"));
      after.push(inPick ? "pick dialog" : await focused(page));
      await page.waitForTimeout(100);
    }
    expect(after.filter((f) => f === "body")).toEqual([]);
    expect(
      after.every((f) => f.startsWith("button.choice-btn") || f.includes("#ask-title") || f === "pick dialog"),
      after.join("\n"),
    ).toBe(true);
    if ((await pick.count()) > 0) {
      await page.keyboard.press("Escape");
      await pick.waitFor({ state: "detached", timeout: 5_000 });
      expect(await focused(page)).toMatch(/^button\.choice-btn|#ask-title/);
    }
    // Once it is the player's turn again, focus is on the first choice.
    await expect.poll(() => askStep(page), { timeout: 60_000 }).toMatch(/^(player|theme)$/);
    await expect.poll(() => focused(page)).toMatch(/^button\.choice-btn/);

    // The hand: one Tab stop, the arrow keys go from card to card.
    const cards = ".hand-layer button.card-hit";
    expect(await tabStops(page, cards)).toBe(1);
    await tabTo(page, cards);
    const card1 = await focused(page);
    await page.keyboard.press("ArrowRight");
    const card2 = await focused(page);
    expect(card2).toMatch(/card-hit/);
    // A random deal may leave a single card in the hand by now: then the arrow keys stay on it.
    if ((await page.locator(cards).count()) > 1) expect(card2).not.toBe(card1);
    else expect(card2).toBe(card1);
    await page.keyboard.press("ArrowLeft");
    expect(await focused(page)).toBe(card1);
    await page.screenshot({ path: path.join(ARTIFACTS, "quartet-log-before-reload.png") });

    // A reload: the log is back whole, the last ask in it.
    const lines = await page.locator(".log-list li").allInnerTexts();
    expect(lines.length).toBeGreaterThan(1);
    const lastAsk = lines.filter((l) => l.includes("“")).at(-1) as string;
    expect(lastAsk).toBeDefined();
    await page.reload();
    await page.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
    const back = await page.locator(".log-list li").allInnerTexts();
    expect(back.length).toBeGreaterThanOrEqual(lines.length);
    expect(back).toContain(lastAsk);
    for (const line of lines.filter((l) => l.includes("“"))) expect(back).toContain(line);
    await page.screenshot({ path: path.join(ARTIFACTS, "quartet-log-after-reload.png") });
    expectNoProblems(problems);
    await context.close();
  });

  it("says before the deal that the cards are not dealt yet, not that the player has none left (360x640)", async () => {
    const host = await new Client(harness.url).create("quartet", { name: "Host", seats: 3, bots: 1 });
    host.onMessage("*", () => undefined);
    const { page, context, problems } = await harness.open({ width: 360, height: 640 }, { hasTouch: true });
    await page.goto(harness.url);
    await page.getByLabel(/Je naam|Your name/).fill("Noor");
    await page.locator('input[name="code"]').fill(host.roomId);
    await page.locator('form[aria-labelledby="join-title"] button[type="submit"]').click();
    const hand = page.locator(".hand-layer");
    await hand.waitFor({ timeout: 15_000 });
    await expect.poll(() => hand.textContent()).toBe("De kaarten zijn nog niet gedeeld.");
    host.send("start", {});
    await page.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator(".hand-layer button.card-hit").count()).toBeGreaterThan(0);
    expect(await smallTargets(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "quartet-log-phone-dealt.png") });
    await host.leave();
    expectNoProblems(problems);
    await context.close();
  });

  it("offers more time once on the own turn timer and moves the deadline on (1920x1080)", async () => {
    type HostState = { turn: string; asks: number; players: Map<string, { hand?: string[]; isBot: boolean }> };
    const host = await new Client(harness.url).create<HostState>("quartet", {
      name: "Host",
      seats: 3,
      bots: 1,
      turnSeconds: 60,
    });
    host.onMessage("*", () => undefined);
    const { page, context, problems } = await harness.open({ width: 1920, height: 1080 });
    await page.goto(harness.url);
    await page.getByLabel(/Je naam|Your name/).fill("Sem");
    await page.locator('input[name="code"]').fill(host.roomId);
    await page.locator('form[aria-labelledby="join-title"] button[type="submit"]').click();
    await page.locator(".hand-layer").waitFor({ timeout: 15_000 });
    host.send("start", {});
    await page.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
    // The host's own turns: it asks the player for a card of a theme it holds until the turn moves on.
    for (let n = 0; n < 30 && (await askStep(page)) !== "player"; n++) {
      const s = host.state;
      const hand = [...(s.players.get(host.sessionId)?.hand ?? [])];
      const other = [...s.players.entries()].find(([id, p]) => id !== host.sessionId && !p.isBot)?.[0];
      if (s.turn === host.sessionId && other) {
        const theme = (hand[0] ?? "").replace(/-\d$/, "");
        const card = [1, 2, 3, 4].map((k) => `${theme}-${k}`).find((c) => !hand.includes(c));
        if (card) host.send("ask", { to: other, card });
      }
      await page.waitForTimeout(500);
    }
    await expect.poll(() => askStep(page), { timeout: 60_000 }).toBe("player");
    const more = page.locator("button.more-time");
    await more.waitFor({ timeout: 5_000 });
    const seconds = async () => Number((await page.locator(".timer").innerText()).replace(/\D/g, ""));
    const before = await seconds();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThanOrEqual(60);
    await page.screenshot({ path: path.join(ARTIFACTS, "quartet-more-time.png") });
    await more.click();
    await expect.poll(seconds, { timeout: 5_000 }).toBeGreaterThan(before + 50);
    await expect.poll(() => more.count()).toBe(0);
    await host.leave();
    expectNoProblems(problems);
    await context.close();
  });
});
