// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoViolations } from "./axe.js";
import { expectNoProblems, playToEnd } from "./driver.js";
import { startHarness, type Harness } from "./harness.js";
import { createWorkshop, facilitatorData, joinAs } from "./workshopSteps.js";

/** The names in a waiting table's line of players. */
const waitingLine = (page: Page) => page.locator(".ask-panel").innerText();

/**
 * Opens the end screen's first open pick ("Nog te kiezen"), checks its dialog and puts it off again with
 * "Later kiezen". Returns false when the end screen has no open pick.
 */
async function checkOpenPick(page: Page, label: string): Promise<boolean> {
  const open = page.locator(".open-picks button.pick-open");
  if ((await open.count()) === 0) return false;
  await open.first().click();
  const dialog = page.locator("dialog.pick-dialog[open]").last();
  await dialog.waitFor();
  await expectNoViolations(page, label);
  await dialog.getByRole("button", { name: "Later kiezen" }).click({ timeout: 5_000 });
  await dialog.waitFor({ state: "detached", timeout: 5_000 });
  return true;
}

describe("accessibility (axe-core, WCAG 2.2 A/AA) of the friends' table and the planner in a workshop", () => {
  let harness: Harness;
  beforeAll(async () => {
    facilitatorData("iot-a11y-more-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  it("the friends' table at 1920x1080 and 360x640: the share box, joining by the link, the table before the start, the end screen's open pick and playing again", async () => {
    const anna = await harness.open({ width: 1920, height: 1080 });
    const bram = await harness.open({ width: 360, height: 640 }, { deviceScaleFactor: 2, hasTouch: true });
    await anna.page.goto(harness.url);
    await anna.page.getByLabel(/Je naam/).fill("Anna");
    await anna.page.getByRole("button", { name: "Tafel openen" }).click();
    await anna.page.locator(".friends-code").waitFor({ timeout: 15_000 });
    await expect
      .poll(() => anna.page.locator("img.friends-qr").evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await expectNoViolations(anna.page, "friends 1920 share box, alone");
    const link = await anna.page.getByLabel("Link om te delen").inputValue();

    await bram.page.goto(link);
    await bram.page.getByLabel(/Je naam/).waitFor();
    await expectNoViolations(bram.page, "friends 360 home opened by the link");
    await bram.page.getByLabel(/Je naam/).fill("Bram");
    await bram.page.getByRole("button", { name: "Meedoen" }).click();
    await bram.page.locator(".friends-code").waitFor({ timeout: 15_000 });
    await expect.poll(() => waitingLine(bram.page)).toContain("Anna");
    await expect.poll(() => waitingLine(anna.page)).toContain("Bram");
    await expectNoViolations(bram.page, "friends 360 share box, a guest at the table before the start");
    await expectNoViolations(anna.page, "friends 1920 the host's table before the start");

    await anna.page.getByRole("button", { name: "Spel starten" }).click();
    for (const p of [anna.page, bram.page]) await p.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
    await Promise.all([playToEnd(anna.page, 240_000, 3), playToEnd(bram.page, 240_000, 5)]);

    // The end screen; a pick still to make ("Nog te kiezen") opened from it and put off again.
    let picksChecked = 0;
    for (const [p, vp] of [
      [anna.page, "1920"],
      [bram.page, "360"],
    ] as const) {
      await expect.poll(() => p.locator("table.ranking tbody tr").count()).toBe(4);
      const offered = p.locator("dialog.pick-dialog[open]").last();
      while ((await offered.count()) > 0) {
        await offered.getByRole("button", { name: "Later kiezen" }).click({ timeout: 5_000 });
        await offered.waitFor({ state: "detached", timeout: 5_000 });
      }
      await p.waitForTimeout(300);
      await expectNoViolations(p, `friends ${vp} end screen`);
      if (await checkOpenPick(p, `friends ${vp} end screen, the open pick's dialog`)) picksChecked++;
    }
    expect(picksChecked).toBeGreaterThan(0);

    // Play again: the new waiting table, seen by the one who asked first (the host) and the one who followed.
    await bram.page.getByRole("button", { name: "Nog een keer spelen" }).click();
    await bram.page.locator(".friends-code").waitFor({ timeout: 15_000 });
    const next = (await bram.page.locator(".friends-code").innerText()).trim();
    await anna.page.getByRole("button", { name: "Nog een keer spelen" }).click();
    await expect.poll(() => anna.page.locator(".friends-code").innerText({ timeout: 15_000 })).toBe(next);
    await expect.poll(() => waitingLine(bram.page)).toContain("Anna");
    await expect.poll(() => bram.page.getByRole("button", { name: "Spel starten" }).count()).toBe(1);
    await expectNoViolations(bram.page, "friends 360 after playing again, the host's table");
    await expectNoViolations(anna.page, "friends 1920 after playing again, a guest's table");
    expectNoProblems(anna.problems);
    expectNoProblems(bram.problems);
    await anna.context.close();
    await bram.context.close();
  });

  it("the planner in a workshop at 1920x1080 and 360x640: the participant's lobby and desk", async () => {
    const fac = await harness.open({ width: 1400, height: 1000 });
    const code = await createWorkshop(fac.page, harness.url, "Toegankelijk plannen", {
      game: "planner",
      difficulty: "1",
      tableSize: "2",
    });
    const anna = await joinAs(harness, code, "Anna", { width: 1920, height: 1080 });
    const bram = await joinAs(harness, code, "Bram", { width: 360, height: 640 });
    await expectNoViolations(anna.page, "planner workshop 1920 lobby");
    await expectNoViolations(bram.page, "planner workshop 360 lobby");
    await expect.poll(() => fac.page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(2);
    await fac.page.getByRole("button", { name: "Tafels indelen" }).click();
    await fac.page.getByRole("button", { name: "Alle tafels starten" }).click();
    for (const [p, vp] of [
      [anna.page, "1920"],
      [bram.page, "360"],
    ] as const) {
      await expect.poll(() => p.locator("#pl-round").innerText(), { timeout: 30_000 }).toContain("1");
      await expect.poll(() => p.locator("#pl-unplanned li").count()).toBe(15);
      const tabs = p.locator(".planner-tabs [role=tab]");
      if (await tabs.first().isVisible()) {
        for (const tab of ["map", "trucks", "orders"]) {
          await p.locator(`.planner-tabs [data-tab="${tab}"]`).click();
          await expectNoViolations(p, `planner workshop ${vp} desk, tab ${tab}`);
        }
      } else await expectNoViolations(p, `planner workshop ${vp} desk`);
    }
    // Round 1 ended by the facilitator: the standings at the desk.
    await fac.page.locator("#next-round").click();
    for (const [p, vp] of [
      [anna.page, "1920"],
      [bram.page, "360"],
    ] as const) {
      await p.locator("#pl-standings").waitFor({ timeout: 15_000 });
      await expectNoViolations(p, `planner workshop ${vp} standings after round 1`);
    }
    for (const p of [fac, anna, bram]) {
      expectNoProblems(p.problems);
      await p.context.close();
    }
  });
});
