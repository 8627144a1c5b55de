// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { card as deckCard } from "@iot/shared/quartet/deck";
import type { CardId } from "@iot/shared/quartet/cardIds";
import { answerPick, askStep, expectNoProblems, playToEnd, quickPlay } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";

/** What the scene drew on each hand card (the DOM layer's data attributes) and where its button sits. */
interface Drawn {
  card: CardId;
  titlePx: number;
  setPx: number;
  lines: string[];
  box: { x: number; y: number; w: number; h: number };
  raised: boolean;
}

async function drawnHand(page: Page): Promise<Drawn[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".hand-layer .card-hit")].map((b) => {
      const r = b.getBoundingClientRect();
      return {
        card: b.dataset.card as CardId,
        titlePx: Number(b.dataset.titlePx ?? "NaN"),
        setPx: Number(b.dataset.setPx ?? "NaN"),
        lines: (b.dataset.titleLines ?? "").split("\n"),
        box: { x: r.x, y: r.y, w: r.width, h: r.height },
        raised: b.classList.contains("raised"),
      };
    }),
  );
}

/** Every card's title at 14 px or more, whole, its lines split only at spaces; a set list drawn is 12 px or more. */
function expectLegible(hand: Drawn[], state: string): void {
  expect(hand.length, state).toBeGreaterThan(0);
  for (const c of hand) {
    const title = deckCard(c.card).title.nl;
    expect(c.titlePx, `${state} ${c.card}`).toBeGreaterThanOrEqual(14);
    // No word broken and none left out: the lines are the title's words in order.
    expect(c.lines.join(" "), `${state} ${c.card}`).toBe(title.split(/\s+/).join(" "));
    if (c.setPx > 0) expect(c.setPx, `${state} ${c.card}`).toBeGreaterThanOrEqual(12);
  }
}

/**
 * The hand as drawn in `state`, checked, then with its first card focused: that one raised, whole, set list
 * readable. The bots play on meanwhile, so the raised card and the stage are read in one pass, and a card that
 * left the hand in between (asked away, laid in a quartet) is replaced by focusing the new first card.
 */
async function checkState(page: Page, state: string, seen: Set<number>): Promise<void> {
  await page.waitForTimeout(150);
  const hand = await drawnHand(page);
  expectLegible(hand, state);
  seen.add(hand.length);
  const raisedInStage = async (): Promise<{ setPx: number; overhang: number } | null> => {
    const first = page.locator(".hand-layer .card-hit").first();
    if ((await first.count()) === 0) return null;
    const drawn = await drawnHand(page);
    const raised = drawn.find((c) => c.raised);
    if (!raised) {
      await first.focus();
      return null;
    }
    const stage = await page.locator(".stage").boundingBox();
    // Read the hand again after the stage: a card raised in both reads was raised while the stage was measured.
    const again = (await drawnHand(page)).find((c) => c.raised && c.card === raised.card);
    if (!again || !stage) return null;
    return { setPx: again.setPx, overhang: again.box.y + again.box.h - (stage.y + stage.height) };
  };
  let raised: { setPx: number; overhang: number } | null = null;
  await expect
    .poll(async () => (raised = await raisedInStage())?.setPx ?? 0, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(12);
  // The raised card is drawn whole inside the stage.
  expect((raised as { overhang: number } | null)?.overhang ?? Infinity, state).toBeLessThanOrEqual(0.5);
  await page.locator(".hand-layer .card-hit").first().blur();
}

describe("the quartet on a phone and on the room's screen", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("keeps the hand legible at 360x640 with the ask panel closed and open, in every step", async () => {
    const { page, context, problems } = await harness.open(
      { width: 360, height: 640 },
      { deviceScaleFactor: 2, hasTouch: true },
    );
    await quickPlay(page, harness.url, "Mo", 4);
    await page.getByRole("button", { name: /Animaties uit|Animations off/ }).click();
    const seen = new Set<number>();
    const steps = new Set<string>();
    const panel = async () => (await page.locator(".ask-panel").boundingBox())?.height ?? 0;
    // Bots play fast with animations off, so a look may fall on their turn (idle) only now and then: look often.
    for (let i = 0; i < 60 && steps.size < 4; i++) {
      await expect
        .poll(async () => ((await page.locator("[data-end]").count()) ? "end" : askStep(page)), { timeout: 30_000 })
        .toMatch(/^(idle|player|theme|card|end)$/);
      const step = (await page.locator("[data-end]").count()) ? "end" : ((await askStep(page)) ?? "");
      if (step === "end") break;
      await checkState(page, `${step} ${i}`, seen);
      // The card step has the ask panel at its tallest and the stage at its smallest.
      if (step === "card") expect(await panel()).toBeGreaterThan(150);
      if (!steps.has(step) && (step === "idle" || step === "card")) {
        await page.screenshot({ path: path.join(ARTIFACTS, `phone-hand-${step}-360x640.png`) });
      }
      steps.add(step);
      if (step === "idle") {
        await expect.poll(() => askStep(page), { timeout: 30_000 }).not.toBe("idle");
        continue;
      }
      await page.locator(".ask-panel .ask-options button").first().click();
      while (await answerPick(page)) await page.waitForTimeout(50);
    }
    expect([...steps].sort()).toEqual(["card", "idle", "player", "theme"]);
    console.log(`hand sizes measured at 360x640: ${[...seen].sort((a, b) => a - b).join(", ")}`);
    expectNoProblems(problems);
    await context.close();
  });

  it("shows the end screen across a projector's width with 28 px text, the winners and the plan as cards, and on a phone", async () => {
    const { page, context, problems } = await harness.open({ width: 1920, height: 1080 });
    await quickPlay(page, harness.url, "Tess", 4);
    // A game whose plan holds no card (nobody's pick was made) is played again, up to three games.
    for (let game = 0; game < 3; game++) {
      await playToEnd(page);
      while (await answerPick(page, "Met de regio")) await page.waitForTimeout(100);
      await page.locator(".winner").waitFor();
      if ((await page.locator(".plan li.plan-pick").count()) > 0 || game === 2) break;
      await page.getByRole("button", { name: /^(Nog een keer|Play again)/ }).click();
      await page.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
    }
    const measure = () =>
      page.evaluate(() => {
        const px = (sel: string) =>
          [...document.querySelectorAll(sel)].map((el) => parseFloat(getComputedStyle(el).fontSize));
        const main = document.querySelector(".end-screen") as HTMLElement;
        return {
          width: main.getBoundingClientRect().width,
          body: [...px(".ranking td"), ...px(".plan-who"), ...px(".end-screen .message"), ...px(".card-section p")],
          winner: px(".winner")[0] ?? 0,
          sparks: document.querySelectorAll(".celebration span").length,
          picks: document.querySelectorAll(".plan li.plan-pick").length,
          cards: [...document.querySelectorAll(".plan li.plan-pick")].map((li) => ({
            card: (li as HTMLElement).dataset.card ?? "",
            title: li.querySelector(".card-title")?.textContent ?? "",
            band: li.querySelector(".card-band")?.textContent ?? "",
          })),
          scrollW: document.documentElement.scrollWidth,
        };
      });
    const wide = await measure();
    expect(wide.width).toBeGreaterThanOrEqual(1700);
    expect(wide.body.length).toBeGreaterThan(3);
    for (const size of wide.body) expect(size).toBeGreaterThanOrEqual(28);
    expect(wide.winner).toBeGreaterThan(Math.max(...wide.body));
    expect(wide.sparks).toBeGreaterThan(0);
    // Every pick is its card in the printed layout: band and title from the deck.
    expect(wide.picks).toBeGreaterThan(0);
    for (const c of wide.cards) expect(c.title).toBe(deckCard(c.card as CardId).title.nl);
    console.log(
      `end screen 1920x1080: width ${wide.width} px, body ${Math.min(...wide.body)}-${Math.max(...wide.body)} px, winner ${wide.winner} px, ${wide.picks} cards`,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "end-room-1920x1080.png") });
    await page.setViewportSize({ width: 360, height: 640 });
    const phone = await measure();
    expect(phone.scrollW).toBeLessThanOrEqual(360);
    for (const size of phone.body) expect(size).toBeGreaterThanOrEqual(16);
    console.log(`end screen 360x640: body ${Math.min(...phone.body)}-${Math.max(...phone.body)} px`);
    await page.screenshot({ path: path.join(ARTIFACTS, "end-phone-360x640.png"), fullPage: true });
    expectNoProblems(problems);
    await context.close();
  });
});
