// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import { BOT_NAMES } from "@iot/shared/table/botNames";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoProblems, playToEnd } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";
import { createWorkshop, facilitatorData, joinAs } from "./workshopSteps.js";

const FULL_HD = { width: 1920, height: 1080 };

describe("a late joiner in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    facilitatorData("iot-late-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  it("arrives after the start, takes over a bot's seat with its cards, plays on; the console says where they went", async () => {
    const fac = await harness.open(FULL_HD);
    const page = fac.page;
    const code = await createWorkshop(page, harness.url, "Later binnen", { botLevel: "easy" });

    // Anna's table starts as soon as she is there, with three bots.
    const anna = await joinAs(harness, code, "Anna", FULL_HD);
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole("button", { name: "Tafels indelen" }).click();
    await expect.poll(() => page.locator('.table-card[data-table="1"] li').count()).toBe(1);
    await page.getByRole("button", { name: "Alle tafels starten" }).click();
    await anna.page.locator("[data-table-ready]").waitFor({ timeout: 30_000 });
    const seatTexts = () => anna.page.locator(".seat-layer li .sr-only").allInnerTexts();
    // The bots are named, and said to be computer players.
    await expect.poll(async () => (await seatTexts()).filter((s) => s.includes("(computer)")).length).toBe(3);
    const firstBot = ((await seatTexts())[0] ?? "").replace(/[\u2068\u2069]/g, "").split(" (computer)")[0] ?? "";
    expect(BOT_NAMES).toContain(firstBot);

    // Bram comes in later, in a browser of his own: his lobby offers the bots' seats and a new table.
    const bram = await joinAs(harness, code, "Bram", FULL_HD);
    const takeOver = bram.page.getByRole("button", { name: `Neem de plaats van ${firstBot} over aan tafel 1` });
    await takeOver.waitFor({ timeout: 10_000 });
    expect(await bram.page.getByRole("button", { name: /^Neem de plaats van .+ over aan tafel 1$/ }).count()).toBe(3);
    expect(await bram.page.getByRole("button", { name: "Begin aan een nieuwe tafel (met bots)" }).count()).toBe(1);
    expect(await bram.page.locator(".late-players").first().innerText()).toBe("Aan tafel 1 spelen: Anna");
    await bram.page.screenshot({ path: path.join(ARTIFACTS, "workshop-late-lobby.png") });

    // He takes the first bot's seat: he is at the table with a hand, and Anna sees him where that bot sat.
    await takeOver.click();
    await bram.page.locator("[data-table-ready]").waitFor({ timeout: 30_000 });
    await expect
      .poll(() => bram.page.locator(".hand-layer [data-card]").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const seats = await seatTexts();
        return [seats.some((s) => s.includes("Bram")), seats.filter((s) => s.includes("(computer)")).length];
      })
      .toEqual([true, 2]);
    await bram.page.screenshot({ path: path.join(ARTIFACTS, "workshop-late-table.png") });

    // The console says where he went.
    const line = page.locator(".event-log li", { hasText: "Bram" });
    await line.waitFor({ timeout: 10_000 });
    expect(await line.innerText()).toMatch(
      new RegExp(`^\\d\\d:\\d\\d: Bram nam de plaats van ${firstBot} over aan tafel 1$`),
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "workshop-late-console.png") });

    // Both play on to the end; Bram asks in his seat.
    const [, bramAsks] = await Promise.all([playToEnd(anna.page, 240_000, 1), playToEnd(bram.page, 240_000, 2)]);
    expect(bramAsks).toBeGreaterThan(0);
    for (const p of [fac, anna, bram]) expectNoProblems(p.problems);
  });
});
