// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectNoProblems, playToEnd } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";
import { createWorkshop, facilitatorData, joinAs } from "./workshopSteps.js";

/** The PDF's text as pdftotext (poppler-utils, installed by .ci/run) reads it. */
function pdfText(file: string): string {
  const result = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout.replace(/\s+/g, " ");
}

describe("a workshop in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    facilitatorData("iot-workshop-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  it("facilitator signs in, 4 participants join by code, two tables of 2 humans + 2 bots play to the end, debrief and downloads", async () => {
    const fac = await harness.open({ width: 1600, height: 1000 });
    const page = fac.page;
    const code = await createWorkshop(page, harness.url, "Regio Noord: sociale innovatie", { botLevel: "easy" });
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    const names = ["Anna", "Bram", "Chris", "Dewi"];
    const players: { page: Page; problems: string[] }[] = [];
    for (const name of names) players.push(await joinAs(harness, code, name));
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(4);
    // Each lobby shows who is there.
    await expect.poll(() => players[0]?.page.locator(".present li").count(), { timeout: 10_000 }).toBe(4);

    // One table of four, then two participants move to a second table.
    await page.getByRole("button", { name: "Tafels indelen" }).click();
    await expect.poll(() => page.locator('.table-card[data-table="1"] li').count()).toBe(4);
    await page.locator('.table-card[data-table="1"] select').nth(2).selectOption({ label: "nieuwe tafel" });
    await expect.poll(() => page.locator('.table-card[data-table="2"] li').count()).toBe(1);
    await page.locator('.table-card[data-table="1"] select').nth(2).selectOption({ label: "Tafel 2" });
    await expect.poll(() => page.locator('.table-card[data-table="2"] li').count()).toBe(2);
    await page.screenshot({ path: path.join(ARTIFACTS, "facilitator-console.png") });
    await page.getByRole("button", { name: "Alle tafels starten" }).click();

    // Everyone is taken from the lobby to their seat; both tables play to the end.
    for (const p of players) await p.page.locator("[data-table-ready]").waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator(".table-card li", { hasText: "computer" }).count(), { timeout: 10_000 })
      .toBe(4);
    await Promise.all(players.map((p, i) => playToEnd(p.page, 240_000, i + 1)));

    // The debrief shows both tables' rankings and plans, and the combined plan.
    await page.getByRole("button", { name: "Nabespreking" }).click();
    await page.locator('[data-debrief-table="2"]').waitFor();
    expect(await page.locator('[data-debrief-table="1"] .ranking li').count()).toBe(4);
    expect(await page.locator('[data-debrief-table="2"] .ranking li').count()).toBe(4);
    const planLines = await page.locator(".debrief [data-debrief-table] .plan li").allInnerTexts();
    expect(planLines.length).toBeGreaterThan(0);
    expect(await page.locator(".combined").innerText()).toContain("Gezamenlijk regionaal actieplan");
    await page.screenshot({ path: path.join(ARTIFACTS, "debrief.png"), fullPage: true });

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    const csv = readFileSync((await csvDownload.path()) as string, "utf8");
    expect(csv.split("\n")[0]).toContain("kind,table,name");
    expect(csv.match(/^result,/gm)).toHaveLength(8);
    expect(csv.match(/^pick,/gm)).toHaveLength(planLines.length);
    for (const name of names) expect(csv).toContain(name);

    const [pdfDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Download verslag/ }).click(),
    ]);
    const pdfFile = (await pdfDownload.path()) as string;
    const pdf = readFileSync(pdfFile);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdfFile);
    expect(text).toContain("Regio Noord: sociale innovatie");
    expect(text).toContain("Het gezamenlijke regionale actieplan");
    for (const name of names) expect(text).toContain(name);
    const firstPick = (
      (await page.locator(".debrief [data-debrief-table] .plan li strong").first().innerText()).split(": ")[1] ?? ""
    ).trim();
    expect(firstPick.length).toBeGreaterThan(0);
    expect(text).toContain(firstPick);

    for (const p of [fac, ...players]) expectNoProblems(p.problems);
  });
});
