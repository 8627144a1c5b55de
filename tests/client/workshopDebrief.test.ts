// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { playBotGame } from "@iot/shared/quartet/autoplay";
import { themeOf, THEME_IDS } from "@iot/shared/quartet/cardIds";
import { card, theme } from "@iot/shared/quartet/deck";
import { openDatabase } from "../../server/src/db/database.js";
import { WorkshopStore } from "../../server/src/db/store.js";
import type { WorkshopSnapshot } from "../../server/src/table/snapshot.js";
import { expectNoProblems } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";
import { createWorkshop, facilitatorData } from "./workshopSteps.js";

const NAMES = ["Anna", "Bram", "Łukasz Żółć"];
/** The picks of the table: one per quartet, three themes (printed order: netwerk, beleven, geld). */
const PICKS = [
  { seat: 0, card: "netwerk-2" },
  { seat: 2, card: "geld-1" },
  { seat: 1, card: "beleven-3" },
] as const;
const OWNER = "Łukasz Żółć";
const NEXT = "=1+1: bel de gemeente in januari";

/** The font sizes (px) of the body text (paragraphs, list items, table cells with text) of the step shown now. */
const bodyTextSizes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll(".step-slot:not([hidden]) :is(p, li, td, th)")]
      .filter((el) => (el.textContent ?? "").trim() !== "" && (el as HTMLElement).offsetParent !== null)
      .map((el) => parseFloat(getComputedStyle(el).fontSize)),
  );
const shownStep = (page: Page) =>
  page.locator(".step-slot:not([hidden]) [data-debrief-step]").getAttribute("data-debrief-step");

describe("the debrief for the room in Chromium at 1920x1080", () => {
  let harness: Harness;
  let dataDir = "";
  beforeAll(async () => {
    dataDir = facilitatorData("iot-debrief-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  /** What a finished quartet table writes: a bot-played game's ranking and log (the snapshot) and the players' picks. */
  async function finishTable(code: string): Promise<{ winner: string }> {
    const db = await openDatabase({ dataDir });
    try {
      const store = new WorkshopStore(db);
      const w = await store.workshopByCode(code);
      if (!w) throw new Error("no workshop");
      const [table] = await store.tables(w.id);
      if (!table) throw new Error("no table");
      const people = await store.participants(w.id);
      const person = (seat: number) => people.find((p) => p.name === NAMES[seat])!;
      const game = playBotGame(["easy", "medium", "hard"], {}, 7);
      const seatOf = (player: string) => Number(player.slice(1));
      const snapshot: WorkshopSnapshot = {
        table: {
          version: 2,
          game: "quartet",
          state: { game: game.state, log: game.log, picks: [], botLevel: "easy" },
          seats: game.state.players.map((id, seat) => ({
            id,
            name: NAMES[seat]!,
            seat,
            isBot: false,
            connected: true,
            lang: "nl",
            role: "",
            regionPhase: "",
          })),
          setup: { options: {}, seats: 3, bots: 0, turnSeconds: 0 },
          paused: false,
          notice: "",
        },
        participants: Object.fromEntries(game.state.players.map((id) => [id, person(seatOf(id)).id])),
      };
      await store.saveSnapshot(table.id, JSON.stringify(snapshot));
      for (const p of PICKS)
        await store.savePick(table.id, {
          player_key: `p${p.seat}`,
          participant_id: person(p.seat).id,
          player_name: NAMES[p.seat]!,
          theme: p.card.split("-")[0]!,
          card: p.card,
          note: "",
          role: "",
          region_phase: "",
        });
      await store.saveResults(
        table.id,
        game.ranking.map((r) => ({
          player_key: r.player,
          participant_id: person(seatOf(r.player)).id,
          player_name: NAMES[seatOf(r.player)]!,
          is_bot: 0,
          place: r.place,
          quartets: r.quartets,
        })),
      );
      const first = game.ranking.find((r) => r.place === 1)!;
      return { winner: NAMES[seatOf(first.player)]! };
    } finally {
      await db.destroy();
    }
  }

  /** From wherever the facilitator's page is (the console, or the list after a reload) to the debrief. */
  async function openDebrief(page: Page, title: string): Promise<void> {
    const debrief = page.getByRole("button", { name: "Nabespreking" });
    const open = page.locator("li", { hasText: title }).getByRole("button", { name: "Openen" });
    await Promise.race([debrief.waitFor(), open.waitFor()]);
    if (!(await debrief.isVisible())) await open.click();
    await debrief.click();
    await page.locator('[data-debrief-step="results"]').waitFor();
  }

  it("steps through results, what happened, the plan as cards and next steps; a priority is kept over a reload", async () => {
    const fac = await harness.open({ width: 1920, height: 1080 });
    const page = fac.page;
    const title = "Regio West: de nabespreking";
    const code = await createWorkshop(page, harness.url, title);
    for (const name of NAMES) {
      const res = await fetch(`${harness.url}api/join`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code, name }),
      });
      expect(res.status).toBe(201);
    }
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(3);
    await page.getByRole("button", { name: "Tafels indelen" }).click();
    await expect.poll(() => page.locator('.table-card[data-table="1"] li').count()).toBe(3);
    const { winner } = await finishTable(code);

    await openDebrief(page, title);
    // Step 1: the podium, second - first - third, the winner raised and animated.
    expect(await page.locator(".step-where").innerText()).toBe("Stap 1 van 4: De uitslag");
    const podium = page.locator('.debrief-results [data-debrief-table="1"] .podium li');
    expect(await podium.count()).toBe(3);
    expect(await podium.evaluateAll((els) => els.map((e) => e.getAttribute("data-place")))).toEqual(["2", "1", "3"]);
    expect(await podium.nth(1).locator(".podium-name").innerText()).toBe(winner);
    const heights = await podium.evaluateAll((els) =>
      els.map((e) => (e.querySelector(".podium-block") as HTMLElement).offsetHeight),
    );
    expect(heights[1]).toBeGreaterThan(heights[0]!);
    expect(heights[0]).toBeGreaterThan(heights[2]!);
    const animation = () => page.locator(".place-1 .podium-block").evaluate((e) => getComputedStyle(e).animationName);
    expect(await animation()).toBe("podium-rise");
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await animation()).toBe("none");
    // The podium as it stands once risen (without the motion, at once).
    expect((await page.locator(".debrief-results .plan li strong").allInnerTexts()).sort()).toEqual(
      PICKS.map((p) => `${theme(themeOf(p.card)).name.nl}: ${card(p.card).title.nl}`).sort(),
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "debrief-1-results.png") });
    await page.emulateMedia({ reducedMotion: "no-preference" });

    const sizes: Record<string, number> = {};
    const measure = async () => {
      const step = (await shownStep(page)) ?? "";
      const all = await bodyTextSizes(page);
      expect(all.length, step).toBeGreaterThan(0);
      sizes[step] = Math.min(...all);
    };
    await measure();

    // Step 2 by the arrow key: the asks and every quartet laid, in order.
    await page.keyboard.press("ArrowRight");
    expect(await shownStep(page)).toBe("story");
    const laid = page.locator(".debrief-story .quartets-laid li");
    expect(await laid.count()).toBe(THEME_IDS.length);
    // Focus follows the step (its heading), so a screen reader hears where the room is.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Wat er gebeurde");
    // This deal gave a player a whole quartet: it is said so, not as an ask.
    expect(await laid.first().innerText()).toMatch(/ krijgt het kwartet .+ bij het delen$/);
    expect(await laid.nth(1).innerText()).toMatch(/ legt het kwartet .+ \(vraag \d+\)$/);
    expect(await page.locator(".debrief-story .moments-asks").innerText()).toMatch(
      /^\d+ keer gevraagd, \d+ keer raak$/,
    );
    await measure();
    await page.screenshot({ path: path.join(ARTIFACTS, "debrief-2-story.png") });

    // Step 3 by PageDown (a presenter's clicker): the plan as cards, by theme in the printed order.
    await page.keyboard.press("PageDown");
    expect(await shownStep(page)).toBe("plan");
    expect(await page.locator(".step-dot[aria-current=step]").innerText()).toBe("3. Ons regionale actieplan");
    const themes = await page.locator(".plan-theme").evaluateAll((els) => els.map((e) => e.getAttribute("data-theme")));
    expect(themes).toEqual(["netwerk", "beleven", "geld"]);
    for (const th of themes) {
      const cards = await page
        .locator(`.plan-theme[data-theme="${th}"] .plan-card`)
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-card")));
      expect(cards.length).toBeGreaterThan(0);
      for (const c of cards) expect(themeOf(c as "netwerk-2")).toBe(th);
    }
    const chosen = page.locator('.plan-card[data-card="netwerk-2"]');
    expect(await chosen.locator("article.card-full .card-title").innerText()).toBe(card("netwerk-2").title.nl);
    expect(await chosen.locator(".chosen-count").innerText()).toBe("1x gekozen");
    expect(await chosen.locator(".chosen-by li").innerText()).toBe(`Tafel 1 · ${NAMES[0]}`);
    await measure();

    // Marking a priority: the keys typed in its fields stay in the fields.
    const cardName = card("netwerk-2").title.nl;
    await page.getByLabel(`Prioriteit van de workshop: ${cardName}`).check();
    const owner = page.getByLabel(`Wie pakt het op?: ${cardName}`);
    await owner.fill(OWNER);
    await owner.press("ArrowRight");
    await owner.press("PageDown");
    expect(await shownStep(page)).toBe("plan");
    await page.getByLabel(`Volgende stap: ${cardName}`).fill(NEXT);
    expect(await page.locator(".priority-save [role=status]").innerText()).toBe("Nog niet bewaard.");
    // From the checkbox (not a field one types in) the clicker moves on and back.
    await page.getByLabel(`Prioriteit van de workshop: ${cardName}`).focus();
    await page.keyboard.press("PageDown");
    expect(await shownStep(page)).toBe("next");
    await page.keyboard.press("PageUp");
    expect(await shownStep(page)).toBe("plan");
    await page.getByRole("button", { name: "Prioriteiten bewaren" }).click();
    await expect.poll(() => page.locator(".priority-save [role=status]").innerText()).toBe("Prioriteiten bewaard.");
    await page.locator('[data-debrief-step="plan"] .step-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "debrief-3-plan.png") });

    // Step 4 (End): the priority with its owner and next step, as text.
    await page.keyboard.press("End");
    expect(await shownStep(page)).toBe("next");
    const priority = page.locator('.priorities li[data-card="netwerk-2"]');
    expect(await priority.locator(".owner").innerText()).toBe(`Trekker: ${OWNER}`);
    expect(await priority.locator(".next-step").innerText()).toBe(NEXT);
    await measure();
    await page.screenshot({ path: path.join(ARTIFACTS, "debrief-4-next.png") });
    // Back with PageUp and ArrowLeft, Home to the start.
    await page.keyboard.press("PageUp");
    expect(await shownStep(page)).toBe("plan");
    await page.keyboard.press("Home");
    expect(await shownStep(page)).toBe("results");
    // Body text of every step at 1920x1080 is at least 28 px.
    console.info(`debrief body text, smallest per step at 1920x1080 (px): ${JSON.stringify(sizes)}`);
    for (const px of Object.values(sizes)) expect(px).toBeGreaterThanOrEqual(28);
    expect(Object.keys(sizes)).toEqual(["results", "story", "plan", "next"]);

    // Full screen on a click.
    await page.getByRole("button", { name: "Volledig scherm" }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? "")).toBe("main");
    await page.getByRole("button", { name: "Volledig scherm" }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? "")).toBe("");

    // A reload keeps the priority: the server stored it.
    await page.reload();
    await openDebrief(page, title);
    await page.keyboard.press("End");
    expect(await page.locator('.priorities li[data-card="netwerk-2"] .owner').innerText()).toBe(`Trekker: ${OWNER}`);
    await page.keyboard.press("ArrowLeft");
    expect(await page.getByLabel(`Prioriteit van de workshop: ${cardName}`).isChecked()).toBe(true);
    expect(await page.getByLabel(`Wie pakt het op?: ${cardName}`).inputValue()).toBe(OWNER);
    expect(await page.getByLabel(`Volgende stap: ${cardName}`).inputValue()).toBe(NEXT);

    expectNoProblems(fac.problems);
  });
});
