// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/browserHarness.js";
import { expectNoProblems } from "./driver.js";
import { startHarness, type Harness } from "./harness.js";

const EMAIL = "planner-host@example.org";
const PASSWORD = "rails-together-1+1=4";

describe("a planner workshop in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "iot-planner-workshop-"));
    const add = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/facilitator-add.ts", "--email", EMAIL, "--password", PASSWORD],
      { cwd: ROOT, env: process.env, encoding: "utf8" },
    );
    expect(add.status, add.stderr).toBe(0);
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  it("the facilitator opens a region for two planners, they plan at their desks, the facilitator moves the rounds on", async () => {
    const fac = await harness.open({ width: 1400, height: 1000 });
    const page = fac.page;
    await page.goto(`${harness.url}#facilitator`);
    await page.getByLabel("E-mailadres").fill(EMAIL);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByLabel("Titel").fill("Planning 4.0 in Groningen");
    await page.locator('select[name="game"]').selectOption("planner");
    await page.locator('select[name="difficulty"]').selectOption("1");
    await page.locator('select[name="tableSize"]').selectOption("2");
    await page.getByRole("button", { name: "Workshop maken" }).click();
    const codeEl = page.locator(".join-code .code");
    await codeEl.waitFor();
    const code = (await codeEl.innerText()).trim();

    const planners: { page: Page; problems: string[] }[] = [];
    for (const name of ["Anna", "Bram"]) {
      const p = await harness.open({ width: 1000, height: 900 });
      await p.page.goto(`${harness.url}join/${code}`);
      await p.page.getByLabel(/Je naam/).fill(name);
      await p.page.getByRole("button", { name: "Meedoen" }).click();
      await p.page.getByRole("heading", { name: `Je bent binnen, ${name}` }).waitFor();
      planners.push(p);
    }
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(2);
    await page.getByRole("button", { name: "Tafels indelen" }).click();
    await page.getByRole("button", { name: "Alle tafels starten" }).click();

    // Both planners are taken from the lobby to their desk, in round 1, each with 15 orders to plan.
    for (const p of planners) {
      await expect.poll(() => p.page.locator("#pl-round").innerText(), { timeout: 30_000 }).toContain("1");
      await expect.poll(() => p.page.locator("#pl-unplanned li").count()).toBe(15);
      await p.page.locator('#pl-unplanned [data-key^="plan-"]').first().click();
      await expect.poll(() => p.page.locator("#pl-unplanned li").count()).toBe(14);
    }
    // The console shows each planner's key figures as they plan.
    await expect.poll(() => page.locator(".planner-live li").count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.locator('.planner-live li[data-planner="Anna"]').innerText()).toContain("km");
    // The facilitator ends round 1 and starts round 2 for every region; the desks follow.
    await page.locator("#next-round").click();
    for (const p of planners) await p.page.locator("#pl-standings").waitFor({ timeout: 15_000 });
    await page.locator("#next-round").click();
    for (const p of planners) {
      await expect.poll(() => p.page.locator("#pl-round").innerText(), { timeout: 15_000 }).toContain("2");
      await p.page.locator('[data-key="assist"]').click();
      await p.page.locator('[data-key="accept"]').waitFor({ timeout: 15_000 });
    }
    for (const p of planners) expectNoProblems(p.problems);
    expectNoProblems(fac.problems);
  });
});
