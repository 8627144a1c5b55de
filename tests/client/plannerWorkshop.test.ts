// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Debrief } from "@iot/shared/workshop/debrief";
import { besidesRestart, expectNoProblems } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";
import { createWorkshop, facilitatorData, joinAs } from "./workshopSteps.js";

describe("a planner workshop in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    facilitatorData("iot-planner-workshop-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  it("the facilitator opens a region for two planners, they plan at their desks, the facilitator plays the four rounds and shows the debrief", async () => {
    const fac = await harness.open({ width: 1400, height: 1000 });
    const page = fac.page;
    const code = await createWorkshop(page, harness.url, "Planning 4.0 in Groningen", {
      game: "planner",
      difficulty: "1",
      tableSize: "2",
      roundMinutes: "20",
    });

    const planners: { page: Page; problems: string[] }[] = [];
    for (const name of ["Anna", "Bram"]) planners.push(await joinAs(harness, code, name, { width: 1000, height: 900 }));
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(2);
    await page.getByRole("button", { name: "Tafels indelen" }).click();
    await page.getByRole("button", { name: "Alle tafels starten" }).click();

    // Both planners are taken from the lobby to their desk, in round 1, each with 15 orders to plan.
    for (const p of planners) {
      await expect.poll(() => p.page.locator("#pl-round").innerText(), { timeout: 30_000 }).toContain("1");
      await expect.poll(() => p.page.locator("#pl-unplanned li").count()).toBe(15);
      // The workshop's 20 minutes per round count down at the desk.
      await expect
        .poll(() => p.page.locator("#pl-timer").innerText())
        .toMatch(/^Nog (19:[0-5]\d|20:00) in deze ronde$/);
      await p.page.locator('#pl-unplanned [data-key^="plan-"]').first().click();
      await expect.poll(() => p.page.locator("#pl-unplanned li").count()).toBe(14);
    }
    // The server crashes and starts again: both desks come back by themselves, without a reload, with the plans
    // as they were (the same page, connected, the same orders left to plan).
    for (const p of planners) {
      await p.page.evaluate(() => {
        const w = window as unknown as { deskBefore: Element | null; seen: string[] };
        const el = document.querySelector("main.planner");
        w.deskBefore = el;
        w.seen = [];
        if (el) {
          new MutationObserver(() => w.seen.push(el.getAttribute("data-connection") ?? "")).observe(el, {
            attributes: true,
            attributeFilter: ["data-connection"],
          });
        }
      });
    }
    const t0 = Date.now();
    await harness.restart("SIGKILL");
    for (const p of planners) {
      await expect
        .poll(
          () =>
            p.page.evaluate(() => {
              const w = window as unknown as { deskBefore: Element | null };
              const el = document.querySelector("main.planner");
              return el !== null && el === w.deskBefore && el.getAttribute("data-connection") === "connected";
            }),
          { timeout: 15_000, interval: 50 },
        )
        .toBe(true);
      expect(await p.page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toContain("reconnecting");
      await expect.poll(() => p.page.locator("#pl-unplanned li").count()).toBe(14);
    }
    console.log(`[planner restart SIGKILL] both desks back after ${Date.now() - t0} ms`);
    // While the server was down its requests failed, as they must; nothing else went wrong.
    for (const p of [fac, ...planners]) {
      expectNoProblems(besidesRestart(p.problems));
      p.problems.length = 0;
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
      await p.page.locator('[data-key="accept"]').click();
      await expect.poll(() => p.page.locator('[data-kpi="unplanned"]').innerText(), { timeout: 15_000 }).toBe("0");
    }

    // The facilitator plays the rounds out: each ended round is in the debrief before the next one starts.
    const workshopId = await page.evaluate(async (title) => {
      const list = (await (await fetch("/api/workshops")).json()) as { id: string; title: string }[];
      return list.find((w) => w.title === title)?.id ?? "";
    }, "Planning 4.0 in Groningen");
    expect(workshopId).not.toBe("");
    const debrief = () =>
      page.evaluate(async (id) => (await fetch(`/api/workshops/${id}/debrief`)).json(), workshopId) as Promise<Debrief>;
    const roundsStored = async () => (await debrief()).planner?.rounds.map((r) => `${r.round}:${r.planners}`) ?? [];
    await page.locator("#next-round").click();
    await expect.poll(roundsStored, { timeout: 15_000 }).toEqual(["1:2", "2:2"]);
    for (const round of [3, 4]) {
      await page.locator("#next-round").click();
      for (const p of planners) {
        await expect.poll(() => p.page.locator("#pl-round").innerText(), { timeout: 15_000 }).toContain(String(round));
      }
      await page.locator("#next-round").click();
      await expect
        .poll(roundsStored, { timeout: 15_000 })
        .toEqual(Array.from({ length: round }, (_, i) => `${i + 1}:2`));
    }
    // Settled: every round of both planners has the assistant's reference plan (computed off the table, it can
    // arrive after the round ended) and so the profiles their final figures.
    await expect
      .poll(
        async () =>
          (await debrief()).tables[0]?.planner?.planners.map(
            (p) => p.profile !== null && p.rounds.length === 4 && p.rounds.every((r) => r.referenceScore !== null),
          ),
        { timeout: 30_000 },
      )
      .toEqual([true, true]);
    const d = await debrief();
    expect(d.workshop.game).toBe("planner");
    const table = d.tables[0]?.planner;
    if (!table || !d.planner) throw new Error("the debrief has no planner content");
    expect(table.planners.map((p) => p.name).sort()).toEqual(["Anna", "Bram"]);
    expect(table.together).not.toBeNull();

    // The debrief screen: the rounds compared as charts and a table, with the debrief's numbers.
    await page.getByRole("button", { name: "Nabespreking" }).click();
    const rounds = page.locator("[data-debrief-rounds]");
    await rounds.waitFor();
    const barValues = (chart: ReturnType<Page["locator"]>) =>
      chart.locator("rect[data-bar]").evaluateAll((bars) => bars.map((b) => Number(b.getAttribute("data-value"))));
    const charts = {
      meanScore: d.planner.rounds.map((r) => r.meanScore),
      meanCost: d.planner.rounds.map((r) => r.meanCost),
      meanCo2: d.planner.rounds.map((r) => r.meanCo2Kg),
      late: d.planner.rounds.map((r) => r.late),
      unplanned: d.planner.rounds.map((r) => r.unplanned),
    };
    for (const [id, values] of Object.entries(charts)) {
      const chart = rounds.locator(`svg[data-chart="${id}"]`);
      expect(await chart.getAttribute("role")).toBe("img");
      expect(await barValues(chart)).toEqual(values);
      // The chart's accessible name reads every round's value as it is drawn.
      const label = (await chart.getAttribute("aria-label")) ?? "";
      const drawn = await chart.locator("text").allTextContents();
      for (const round of ["Met de hand", "Planning 4.0", "Verstoring", "Samen"]) expect(label).toContain(round);
      for (const text of drawn) expect(label).toContain(text);
    }
    const roundRows = rounds.locator('table[data-table="rounds"] tbody tr');
    expect(await roundRows.count()).toBe(4);
    for (const [i, r] of d.planner.rounds.entries()) {
      const cells = await roundRows.nth(i).locator("td").allInnerTexts();
      expect([cells[0], cells[4], cells[5]]).toEqual([String(r.planners), String(r.late), String(r.unplanned)]);
    }

    // Every planner side by side: the profile as bars and the rounds as a table; the region per round and round 4 against 3.
    const region = page.locator('[data-debrief-table="1"]');
    for (const p of table.planners) {
      const card = region.locator(`[data-planner="${p.name}"]`);
      await expect.poll(() => card.locator("h4").innerText()).toBe(p.name);
      const profile = card.locator('svg[data-chart="profile"]');
      expect(await profile.getAttribute("aria-label")).toContain(p.name);
      expect(await barValues(profile)).toEqual(
        ["efficiency", "green", "service", "adaptivity", "collaboration", "digital"].map(
          // A competence not applicable is a bar of no length (its label says "n.v.t.").
          (c) => p.profile?.[c as keyof NonNullable<typeof p.profile>] ?? 0,
        ),
      );
      const places = await card.locator('table[data-table="kpis"] [data-kpi="place"]').allInnerTexts();
      expect(places).toEqual(p.rounds.map((r) => String(r.place)));
    }
    expect(await barValues(region.locator('svg[data-chart="regionKm"]'))).toEqual(table.region.map((r) => r.km));
    expect(await barValues(region.locator('svg[data-chart="regionCo2"]'))).toEqual(table.region.map((r) => r.co2Kg));
    expect(Number(await region.locator('[data-measure="km"] [data-saved]').getAttribute("data-saved"))).toBe(
      table.together?.kmSaved,
    );
    expect(Number(await region.locator('[data-measure="co2"] [data-saved]').getAttribute("data-saved"))).toBe(
      table.together?.co2KgSaved,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "planner-debrief.png"), fullPage: true });

    // The downloads carry the planner workshop: one CSV row per planner and round, and a PDF.
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    const csv = readFileSync((await csvDownload.path()) as string, "utf8");
    expect(csv.split("\n")[0]).toContain("table,planner,name,round");
    expect(csv.trim().split("\n")).toHaveLength(1 + 2 * 4);
    for (const name of ["Anna", "Bram"]) expect(csv).toContain(name);
    const [pdfDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download verslag (PDF)" }).click(),
    ]);
    expect(
      readFileSync((await pdfDownload.path()) as string)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    // Back to the console.
    await page.locator(".debrief").getByRole("button", { name: "Terug" }).click();
    // The game is over: the console has no next round to offer any more.
    await page.locator(".join-code .code").waitFor();
    expect(await page.locator("#next-round").count()).toBe(0);
    for (const p of planners) expectNoProblems(p.problems);
    expectNoProblems(fac.problems);
  });
});
