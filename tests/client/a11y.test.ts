// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoViolations } from "./axe.js";
import { askStep, expectNoProblems, playToEnd } from "./driver.js";
import { startHarness, type Harness } from "./harness.js";
import { EMAIL, facilitatorData, joinAs, PASSWORD } from "./workshopSteps.js";

/** The two sizes every screen is checked at: a projector or laptop, and a phone. */
const VIEWPORTS = [
  { name: "1920", width: 1920, height: 1080 },
  { name: "360", width: 360, height: 640 },
] as const;

/** Waits until no card or moment animation is playing (axe reads colours as painted). */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator(".table-screen").getAttribute("data-moment"), { timeout: 5_000 })
    .not.toBe("on")
    .catch(() => undefined);
  await page.waitForTimeout(150);
}

/**
 * Presses one legal choice of the ask panel (the first enabled one) when it is the player's turn. Returns the step
 * it was on, or "" when nothing was pressed.
 */
const pressChoice = (page: Page) =>
  page.evaluate(() => {
    const step = document.querySelector(".ask-panel")?.getAttribute("data-step") ?? "";
    if (step !== "player" && step !== "theme" && step !== "card") return "";
    const choice = [...document.querySelectorAll<HTMLButtonElement>(".ask-panel .ask-options button")].find(
      (b) => !b.disabled,
    );
    if (!choice) return "";
    choice.click();
    return step;
  });

describe("accessibility (axe-core, WCAG 2.2 A/AA) of every screen and dialog", () => {
  let harness: Harness;
  beforeAll(async () => {
    facilitatorData("iot-a11y-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  for (const vp of VIEWPORTS) {
    it(`the quartet at ${vp.width}x${vp.height}: home, the table before the deal and in play, the dialogs, the end`, async () => {
      const { page, context, problems } = await harness.open({ width: vp.width, height: vp.height });
      const at = (state: string) => `quartet ${vp.name} ${state}`;
      await page.goto(harness.url);
      await page.getByLabel(/Je naam|Your name/).waitFor();
      await expectNoViolations(page, at("home"));

      await page.getByLabel(/Je naam|Your name/).fill("Tess");
      await page.locator('select[name="seats"]').selectOption("2");
      await page.getByRole("button", { name: /^(Nu spelen|Play now)$/ }).click();
      await page.locator(".table-screen").waitFor({ timeout: 15_000 });
      await expectNoViolations(page, at("table before the deal"));
      await page.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
      // A quartet dealt whole is laid at once and its pick may open over the table as it starts: picked (the first card).
      const motion = page.getByRole("button", { name: /Animaties uit|Animations off/ });
      for (let attempt = 1; ; attempt++) {
        const early = page.locator("dialog.pick-dialog[open] button.primary");
        for (let i = 0; i < 5 && (await early.count()) > 0; i++) {
          await early.first().click();
          await page.waitForTimeout(100);
        }
        const clicked = await motion.click({ timeout: 3_000 }).then(
          () => true,
          (error: unknown) => {
            if (attempt >= 5) throw error;
            return false;
          },
        );
        if (clicked) break;
      }

      // Own turn, the ask panel at each of its steps.
      await expect.poll(() => askStep(page), { timeout: 30_000 }).toBe("player");
      await settled(page);
      await expectNoViolations(page, at("own turn, ask panel: player"));
      expect(await pressChoice(page)).toBe("player");
      await expect.poll(() => askStep(page)).toBe("theme");
      await expectNoViolations(page, at("ask panel: theme"));
      expect(await pressChoice(page)).toBe("theme");
      await expect.poll(() => askStep(page)).toBe("card");
      await expectNoViolations(page, at("ask panel: card"));

      // A card's detail view, opened from the hand.
      const handCard = page.locator(".hand-layer button.card-hit").first();
      await handCard.waitFor({ state: "attached", timeout: 10_000 });
      await handCard.focus();
      await page.keyboard.press("Enter");
      await page.locator("dialog[open]").waitFor();
      await expectNoViolations(page, at("card detail dialog"));
      await page.keyboard.press("Escape");
      await page.locator("dialog[open]").waitFor({ state: "detached" });

      // The log, open (on a phone a sheet opened by its tool; on a wide screen always beside the table).
      const logToggle = page.locator(".log-toggle");
      if (await logToggle.isVisible()) {
        await logToggle.click();
        await expect.poll(() => page.locator(".table-screen").getAttribute("data-log")).toBe("open");
        await expectNoViolations(page, at("log open"));
        await page.locator(".log-close").click();
        await expect.poll(() => page.locator(".table-screen").getAttribute("data-log")).toBe("closed");
      }

      // Ask on until an own ask is answered "Heb ik niet", the pick dialog opens and the game ends; deals are
      // random, so a game where Tess lays no quartet of her own is followed by another (at most four).
      const seen = new Set<string>();
      const deadline = Date.now() + 240_000;
      for (let game = 0; game < 4 && !seen.has("pick"); game++) {
        if (game > 0) {
          // Back home as a player goes: a pick offered on the end screen put off, then "Naar het begin".
          for (let i = 0; i < 5 && (await page.locator("dialog[open]").count()) > 0; i++) {
            await page.keyboard.press("Escape");
            await page.waitForTimeout(100);
          }
          await page.getByRole("button", { name: /^(Naar het begin|Back to the start)$/ }).click();
          await page.getByLabel(/Je naam|Your name/).fill("Tess");
          await page.locator('select[name="seats"]').selectOption("2");
          await page.getByRole("button", { name: /^(Nu spelen|Play now)$/ }).click();
          await page.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
        }
        let lastLog = 0;
        while (!(await page.locator("[data-end]").count()) && Date.now() < deadline) {
          const pick = page.locator("dialog.pick-dialog[open]").last();
          if ((await pick.count()) > 0) {
            if (!seen.has("pick")) {
              seen.add("pick");
              await expectNoViolations(page, at("action pick dialog"));
            }
            await pick.locator('button[type="submit"]').click({ timeout: 5_000 });
            await pick.waitFor({ state: "detached", timeout: 5_000 });
            continue;
          }
          const step = await pressChoice(page);
          if (step === "card") {
            // The answer arrives as new log lines.
            const lines = () =>
              page.evaluate(() => [...document.querySelectorAll(".log-list li")].map((li) => li.textContent ?? ""));
            await expect.poll(async () => (await lines()).length, { timeout: 10_000 }).toBeGreaterThan(lastLog);
            const all = await lines();
            const fresh = all.slice(lastLog);
            lastLog = all.length;
            if (!seen.has("no") && fresh.some((l) => l.includes("Heb ik niet"))) {
              seen.add("no");
              await settled(page);
              await expectNoViolations(page, at('after "Heb ik niet"'));
            }
          } else if (step === "") await page.waitForTimeout(40);
        }
        await page.locator("[data-end]").waitFor({ timeout: 5_000 });
        await page.waitForTimeout(300);
        await expectNoViolations(page, at(`end screen (game ${game + 1})`));
      }
      expect([...seen].sort()).toEqual(["no", "pick"]);
      expectNoProblems(problems);
      await context.close();
    });
  }

  it("the workshop: sign-in, list, console and its dialog, projector, lobby, late joiner's choice, each debrief step", async () => {
    const fac = await harness.open({ width: 1920, height: 1080 });
    const page = fac.page;
    const phone = await harness.open({ width: 360, height: 640 });
    for (const p of [page, phone.page]) {
      await p.goto(`${harness.url}#facilitator`);
      await p.getByLabel("E-mailadres").waitFor();
      await expectNoViolations(p, `workshop sign-in ${p === page ? 1920 : 360}`);
    }
    // The facilitator's screens on a phone too: signed in there as well.
    await phone.page.getByLabel("E-mailadres").fill(EMAIL);
    await phone.page.getByLabel("Wachtwoord").fill(PASSWORD);
    await phone.page.getByRole("button", { name: "Inloggen" }).click();
    await phone.page.getByLabel("Titel").waitFor();
    await expectNoViolations(phone.page, "workshop list 360");
    await page.getByLabel("E-mailadres").fill(EMAIL);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByLabel("Titel").waitFor();
    await expectNoViolations(page, "workshop list, empty");
    await page.getByLabel("Titel").fill("Toegankelijk in Groningen");
    await page.locator('select[name="botLevel"]').selectOption("easy");
    await page.getByRole("button", { name: "Workshop maken" }).click();
    await page.locator(".join-code .code").waitFor();
    const code = (await page.locator(".join-code .code").innerText()).trim();
    await expectNoViolations(page, "console, waiting for participants");
    await page.getByRole("button", { name: "Naar je workshops" }).click();
    await page.getByRole("heading", { name: "Jouw workshops" }).waitFor();
    await expectNoViolations(page, "workshop list with a workshop");
    await page.locator("li", { hasText: "Toegankelijk in Groningen" }).getByRole("button", { name: "Openen" }).click();
    await page.locator(".join-code .code").waitFor();

    // A participant on a phone in the lobby; the console and projector with her name.
    const anna = await joinAs(harness, code, "Anna", { width: 360, height: 640 });
    await expectNoViolations(anna.page, "lobby 360");
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(1);
    await expectNoViolations(page, "console with a participant waiting");
    await page.getByRole("button", { name: "Projectorweergave" }).click();
    await page.locator(".projector, [data-projector]").first().waitFor({ timeout: 10_000 });
    await expectNoViolations(page, "projector view, lobby");
    await page.getByRole("button", { name: "Terug naar de console" }).click();
    await page.getByRole("button", { name: "Tafels indelen" }).click();
    await expect.poll(() => page.locator('.table-card[data-table="1"] li').count()).toBe(1);
    await expectNoViolations(page, "console, tables formed");
    await page.getByRole("button", { name: "Alle tafels starten" }).click();
    await anna.page.locator("[data-table-ready]").waitFor({ timeout: 30_000 });
    await expectNoViolations(page, "console, a table playing");

    // Someone late, on a phone and on a wide screen: the choice of a bot's seat or a new table.
    for (const [name, viewport] of [
      ["Bram", { width: 360, height: 640 }],
      ["Dewi", { width: 1920, height: 1080 }],
    ] as const) {
      const late = await joinAs(harness, code, name, viewport);
      await late.page.getByRole("button", { name: /^Begin aan een nieuwe tafel/ }).waitFor({ timeout: 10_000 });
      await expectNoViolations(late.page, `late joiner's choice ${viewport.width}`);
      expectNoProblems(late.problems);
      await late.context.close();
    }

    // The console on the phone, with a table playing.
    await phone.page.goto(`${harness.url}${await page.evaluate(() => location.hash)}`);
    await phone.page.locator(".join-code .code").waitFor();
    await expectNoViolations(phone.page, "console 360, a table playing");

    await page.getByRole("button", { name: "Projectorweergave" }).click();
    await page.locator(".projector, [data-projector]").first().waitFor({ timeout: 10_000 });
    await expectNoViolations(page, "projector view, tables playing");
    await page.getByRole("button", { name: "Terug naar de console" }).click();

    // The end of the workshop asks first: its dialog.
    await page.getByRole("button", { name: "Workshop afsluiten" }).click();
    const confirm = page.locator("dialog[open]");
    await confirm.waitFor();
    await expectNoViolations(page, "console, the end confirmation dialog");
    await confirm.getByRole("button", { name: "Annuleren" }).click();
    await confirm.waitFor({ state: "detached" });

    // Anna plays her table to the end; the debrief, step by step.
    await playToEnd(anna.page, 240_000, 3);
    await anna.context.close();
    await page.getByRole("button", { name: "Nabespreking" }).click();
    await page.locator('[data-debrief-step="results"]').waitFor({ timeout: 15_000 });
    const shown = () => page.locator(".step-slot:not([hidden]) [data-debrief-step]").getAttribute("data-debrief-step");
    const steps: string[] = [];
    for (let i = 0; i < 8; i++) {
      const step = (await shown()) ?? "";
      if (steps.includes(step)) break;
      steps.push(step);
      await page.waitForTimeout(300);
      await expectNoViolations(page, `debrief step ${step}`);
      await page.keyboard.press("ArrowRight");
      await page.waitForTimeout(100);
    }
    expect(steps.length).toBeGreaterThanOrEqual(4);
    // The debrief's first steps on the phone as well.
    await phone.page.getByRole("button", { name: "Nabespreking" }).click();
    await phone.page.locator('[data-debrief-step="results"]').waitFor({ timeout: 15_000 });
    await expectNoViolations(phone.page, "debrief 360, results");
    await phone.page.keyboard.press("ArrowRight");
    await phone.page.waitForTimeout(300);
    await expectNoViolations(phone.page, "debrief 360, the next step");
    expectNoProblems(phone.problems);
    await phone.context.close();
    expectNoProblems(fac.problems);
    await fac.context.close();
  });

  for (const vp of VIEWPORTS) {
    it(`the planner at ${vp.width}x${vp.height}: home, the desk in each round (the tabs on a phone), standings, results`, async () => {
      const { page, context, problems } = await harness.open({ width: vp.width, height: vp.height });
      const at = (state: string) => `planner ${vp.name} ${state}`;
      await page.goto(harness.url);
      await page.locator("#open-planner").click();
      await page.locator("#pl-name").waitFor();
      await expectNoViolations(page, at("home"));
      await page.locator("#pl-name").fill("Pim");
      await page.locator("#pl-difficulty").selectOption("1");
      await page.locator("#pl-create").click();
      await page.locator('[data-key="start"]').waitFor();
      await expectNoViolations(page, at("region before the start"));
      await page.locator('[data-key="start"]').click();
      await expect.poll(() => page.locator("#pl-round").innerText(), { timeout: 15_000 }).toContain("1");
      const desk = async (round: number) => {
        const tabs = page.locator(".planner-tabs [role=tab]");
        if (await tabs.first().isVisible()) {
          for (const tab of ["map", "trucks", "orders"]) {
            await page.locator(`.planner-tabs [data-tab="${tab}"]`).click();
            await expectNoViolations(page, at(`round ${round}, tab ${tab}`));
          }
        } else await expectNoViolations(page, at(`round ${round}`));
      };
      // The map is one image for pointers (its summary as its name); its pins are no Tab stops, the lists are the keyboard way.
      const map = page.locator("svg.planner-map-svg");
      expect(await map.getAttribute("role")).toBe("img");
      expect(await map.locator("[tabindex], a, button").count()).toBe(0);
      expect(await page.locator("#pl-unplanned select").count()).toBe(15);
      for (let round = 1; round <= 4; round++) {
        await desk(round);
        if (round === 2) {
          await page.locator('[data-key="assist"]').click();
          await page.locator("#pl-diff").waitFor({ timeout: 15_000 });
          await expectNoViolations(page, at("round 2, the assistant's proposal"));
          await page.locator('[data-key="accept"]').click();
          await expect.poll(() => page.locator('[data-key="assist"]').isEnabled(), { timeout: 15_000 }).toBe(true);
        }
        await page.locator('[data-key="end"]').click();
        if (round === 4) break;
        await page.locator('[data-key="next"]').waitFor({ timeout: 15_000 });
        await page.locator("#pl-standings").waitFor();
        await expectNoViolations(page, at(`standings after round ${round}`));
        await page.locator('[data-key="next"]').click();
        await expect.poll(() => page.locator("#pl-round").innerText()).toContain(String(round + 1));
      }
      await page.locator("#pl-results").waitFor({ timeout: 15_000 });
      await expectNoViolations(page, at("results"));
      expectNoProblems(problems);
      await context.close();
    });
  }
});
