// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { playBotGame } from "@iot/shared/quartet/autoplay";
import { card } from "@iot/shared/quartet/deck";
import { BOT_NAMES } from "@iot/shared/table/botNames";
import { openDatabase } from "../../server/src/db/database.js";
import { WorkshopStore } from "../../server/src/db/store.js";
import type { WorkshopSnapshot } from "../../server/src/table/snapshot.js";
import { expectNoProblems, quickPlay } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";
import { createWorkshop, facilitatorData } from "./workshopSteps.js";

/** A bot's quartet in the open picks and the pick dialog: "van Sanne" (the name may be isolated). */
const BOT_PICK = new RegExp(`van \\u2068?(${BOT_NAMES.join("|")})\\b`);

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
      const options = [...document.querySelectorAll<HTMLButtonElement>(".ask-panel .ask-options button")].filter(
        (b) => !b.disabled,
      );
      // Plays to lay quartets: asks in the theme of which the hand holds the most cards.
      const held = (b: HTMLButtonElement) =>
        document.querySelectorAll(`.hand-layer button.card-hit[data-card^="${(b.dataset.key ?? "").slice(2)}-"]`)
          .length;
      const choice = step === "theme" ? options.sort((a, b) => held(b) - held(a))[0] : options[0];
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
      if ((mine > 0 && mine < 5) || game === 9) break;
      expectNoProblems(opened.problems);
      await opened.context.close();
      opened = await harness.open({ width: 1920, height: 1080 });
    }
    const { page, context, problems } = opened;
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThan(5);
    while (await deferPick(page)) await page.waitForTimeout(100);
    // Nothing was picked: every quartet of the table is still open to Tess, her own and the bots'.
    await expect.poll(() => page.locator(".plan li").count()).toBe(0);
    const open = page.locator(".open-picks button.pick-open");
    await expect.poll(() => open.count()).toBe(5);
    await expect.poll(() => page.locator(".open-picks button", { hasText: /jouw|je kwartet/ }).count()).toBe(mine);
    await expect.poll(() => page.locator(".open-picks button", { hasText: BOT_PICK }).count()).toBe(5 - mine);
    await page.screenshot({ path: path.join(ARTIFACTS, "picks-open-1920x1080.png"), fullPage: true });

    // A deferred pick made on the end screen.
    const ownTitle = await pickFromEnd(page, /je kwartet/, "Later toch gekozen");
    expect(ownTitle).toMatch(/^Kwartet .+!$/);
    await expect.poll(() => page.locator(".plan li", { hasText: "Later toch gekozen" }).count()).toBe(1);
    await expect.poll(() => open.count()).toBe(4);

    // A bot's quartet, picked by Tess: the dialog names the bot, the plan names Tess.
    if (mine < 5) {
      await page.locator(".open-picks button.pick-open", { hasText: BOT_PICK }).first().click();
      await page.locator("dialog.pick-dialog[open]").waitFor();
      expect(await page.locator("dialog.pick-dialog[open] legend").innerText()).toMatch(/Een bot speelt deze plek/);
      await page.screenshot({ path: path.join(ARTIFACTS, "picks-bot-dialog-1920x1080.png") });
      await deferPick(page);
      const botTitle = await pickFromEnd(page, BOT_PICK, "Voor de bot gekozen");
      expect(botTitle).toMatch(BOT_PICK);
      const botPick = page.locator(".plan li", { hasText: "Voor de bot gekozen" });
      await expect.poll(() => botPick.count()).toBe(1);
      expect(await botPick.locator(".plan-who").innerText()).toMatch(/Tess/);
    }
    // The rest, whatever it is: afterwards the plan has all five quartets and nothing is open.
    // One at a time: a pick's button goes only when the server's state says so.
    for (let left = await open.count(); left > 0; left--) {
      await pickFromEnd(page, /./, "");
      await expect.poll(() => open.count()).toBe(left - 1);
    }
    await expect.poll(() => page.locator(".plan li").count()).toBe(5);
    expect(await page.locator(".open-picks").count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "picks-complete-1920x1080.png"), fullPage: true });
    expectNoProblems(problems);
    await context.close();
  });
});

const NAMES = ["Anna", "Bram", "Cas"];

describe("the facilitator completes the plan's holes in the debrief (1920x1080)", () => {
  let harness: Harness;
  let dataDir = "";
  beforeAll(async () => {
    dataDir = facilitatorData("iot-picks-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  /** What a finished table writes when its players picked from three of the five quartets only. */
  async function finishWithHoles(code: string): Promise<void> {
    const db = await openDatabase({ dataDir });
    try {
      const store = new WorkshopStore(db);
      const w = await store.workshopByCode(code);
      const [table] = w ? await store.tables(w.id) : [];
      if (!table) throw new Error("no table");
      const people = await store.participants(table.workshop_id);
      const game = playBotGame(["easy", "medium", "hard"], {}, 7);
      const seatOf = (player: string) => Number(player.slice(1));
      const person = (player: string) => people.find((p) => p.name === NAMES[seatOf(player)]);
      const snapshot: WorkshopSnapshot = {
        table: {
          version: 2,
          game: "quartet",
          state: { game: game.state, log: game.log, picks: [], botLevel: "easy" },
          seats: game.state.players.map((id, seat) => ({
            id,
            name: NAMES[seat] ?? id,
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
        participants: Object.fromEntries(game.state.players.map((id) => [id, person(id)?.id ?? ""])),
      };
      await store.saveSnapshot(table.id, JSON.stringify(snapshot));
      for (const [theme, player] of Object.entries({ netwerk: "p0", beleven: "p1", geld: "p2" }))
        await store.savePick(table.id, {
          player_key: player,
          participant_id: person(player)?.id ?? null,
          player_name: NAMES[seatOf(player)] ?? "",
          theme,
          card: `${theme}-1`,
          note: "",
          role: "",
          region_phase: "",
        });
      await store.saveResults(
        table.id,
        game.ranking.map((r) => ({
          player_key: r.player,
          participant_id: person(r.player)?.id ?? null,
          player_name: NAMES[seatOf(r.player)] ?? "",
          is_bot: 0,
          place: r.place,
          quartets: r.quartets,
        })),
      );
    } finally {
      await db.destroy();
    }
  }

  it("lists the quartets nobody picked in the plan step and completes one, marked as the facilitator's", async () => {
    const { page, context, problems } = await harness.open({ width: 1920, height: 1080 });
    const code = await createWorkshop(page, harness.url, "Regio Noord: gaten dichten");
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
    await finishWithHoles(code);

    await page.getByRole("button", { name: "Nabespreking" }).click();
    await page.locator('[data-debrief-step="results"]').waitFor();
    await page.getByRole("button", { name: /^3\. / }).click();
    const holes = page.locator(".missing-picks form.missing-pick");
    await expect.poll(() => holes.count()).toBe(2);
    expect(await holes.evaluateAll((els) => els.map((e) => e.getAttribute("data-theme")))).toEqual([
      "kennisoverdracht",
      "beleid",
    ]);
    const form = page.getByRole("form", { name: "Tafel 1: kwartet Beleid" });
    await form.getByLabel("Actie").selectOption("beleid-3");
    await form.getByLabel("Toelichting (optioneel)").fill("Samen met de provincie");
    await page.locator(".missing-picks").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "picks-debrief-holes-1920x1080.png") });
    await form.getByRole("button", { name: "Aanvullen" }).click();
    await expect.poll(() => holes.count()).toBe(1);
    // The completed pick is now a card of the combined plan, chosen by the facilitator.
    const completed = page.locator('.plan-theme[data-theme="beleid"] .plan-card[data-card="beleid-3"]');
    await completed.waitFor();
    expect(await completed.locator(".card-title").first().innerText()).toBe(card("beleid-3").title.nl);
    expect(await completed.locator(".chosen-by li").innerText()).toMatch(/^Tafel 1 · Begeleider/);
    await page.screenshot({ path: path.join(ARTIFACTS, "picks-debrief-completed-1920x1080.png") });
    // The report names it too.
    const csv = await page.evaluate(async () =>
      (await fetch("/api/workshops/" + location.hash.split("/")[2] + "/export.csv")).text(),
    );
    expect(csv).toMatch(/Begeleider.*beleid-3|beleid-3.*Begeleider/);
    expectNoProblems(problems);
    await context.close();
  });
});
