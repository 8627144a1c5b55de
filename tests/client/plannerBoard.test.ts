// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoProblems } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";

const unplannedCount = (page: Page) => page.locator("#pl-unplanned li").count();

/** Opens a region with `orders` orders for `planners` planners as `name`; returns the code for the others. */
async function openRegion(page: Page, url: string, name: string, orders: number, planners = 1): Promise<string> {
  await page.goto(url);
  await page.locator("#open-planner").click();
  await page.locator("#pl-name").fill(name);
  await page.locator("#pl-difficulty").selectOption(String(orders / 15));
  await page.locator("#pl-planners").selectOption(String(planners));
  await page.locator("#pl-create").click();
  const waiting = page.getByRole("status").filter({ hasText: /Code voor de anderen|Code for the others/ });
  const text = await waiting.innerText({ timeout: 15_000 });
  return (/: (\S+)$/.exec(text.trim()) ?? [])[1] ?? "";
}

/** The host ends the round under way, then starts the next one. */
async function nextRound(page: Page, round: number): Promise<void> {
  await page.locator('[data-key="end"]').click();
  await page.locator('[data-key="next"]').waitFor({ timeout: 15_000 });
  await page.locator('[data-key="next"]').click();
  await expect.poll(() => page.locator("#pl-round").innerText(), { timeout: 15_000 }).toContain(`Ronde ${round}`);
}

/** Asks the assistant and takes its proposal. */
async function takeProposal(page: Page): Promise<void> {
  await page.locator('[data-key="assist"]').click();
  await page.locator('[data-key="accept"]').waitFor({ timeout: 15_000 });
  await page.locator('[data-key="accept"]').click();
  await expect.poll(() => unplannedCount(page), { timeout: 15_000 }).toBe(0);
}

/** The visible town labels' boxes and how many town dots there are. */
function townLabels(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll(".map-town text")].map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? "", x: r.x, y: r.y, w: r.width, h: r.height };
    });
    return { towns: document.querySelectorAll(".map-town").length, boxes };
  });
}

/** The pairs of boxes that overlap. */
function overlapping(boxes: { text: string; x: number; y: number; w: number; h: number }[]): string[] {
  const out: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) out.push(`${a.text}/${b.text}`);
  return out;
}

describe("the planner's board in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("fits 1920x1080 with 30 orders: timelines with arrivals, truck names, sorted and filtered orders, labels apart", async () => {
    const { page, context, problems } = await harness.open({ width: 1920, height: 1080 });
    await openRegion(page, harness.url, "Pim", 30);
    await page.locator('[data-key="start"]').click();
    await expect.poll(() => page.locator("#pl-round").innerText(), { timeout: 15_000 }).toContain("Ronde 1");
    await expect.poll(() => page.locator("svg.planner-map-svg").getAttribute("data-land")).toBe("2");
    expect(await unplannedCount(page)).toBe(30);
    const heights: Record<string, number> = {};
    heights.round1 = await page.evaluate(() => document.documentElement.scrollHeight);

    // The map, the trucks and the orders side by side.
    const cols = await page.evaluate(() =>
      ["map", "trucks", "orders"].map((c) => {
        const r = document.querySelector(`[data-col="${c}"]`)?.getBoundingClientRect();
        return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
      }),
    );
    const [map, trucks, orders] = cols;
    expect(map && trucks && orders).toBeTruthy();
    expect(map!.right).toBeLessThanOrEqual(trucks!.left);
    expect(trucks!.right).toBeLessThanOrEqual(orders!.left);
    expect(Math.abs(map!.top - orders!.top)).toBeLessThan(2);

    // Trucks by name, never by id.
    const titles = await page.locator(".planner-truck h3").allInnerTexts();
    expect(titles.length).toBeGreaterThan(1);
    for (const [i, title] of titles.entries())
      expect(title).toMatch(new RegExp(`^Wagen ${i + 1} · (diesel|oplegger|elektrisch) · \\d+ pallets( · \\d+ km)?$`));
    expect(titles.some((x) => / · elektrisch · 16 pallets · 250 km$/.test(x))).toBe(true);

    // The unplanned orders sorted by the window's end, then filtered by a town, a latest delivery and pallets.
    await page.locator('[data-key="sort"]').selectOption("due");
    const dueTimes = await page
      .locator("#pl-unplanned li .order-pick")
      .allInnerTexts()
      .then((xs) => xs.map((x) => (/-(\d\d:\d\d)$/.exec(x) ?? [])[1] ?? ""));
    expect(dueTimes.length).toBe(30);
    expect([...dueTimes].sort()).toEqual(dueTimes);
    const town = await page.locator('[data-key="filter-town"] option').nth(1).innerText();
    await page.locator('[data-key="filter-town"]').selectOption({ label: town });
    const inTown = await page.locator("#pl-unplanned li .order-pick").allInnerTexts();
    expect(inTown.length).toBeGreaterThan(0);
    expect(inTown.length).toBeLessThan(30);
    for (const line of inTown) expect(line).toContain(`: ${town}, `);
    await page.locator('[data-key="filter-town"]').selectOption("");
    const by = await page.locator('[data-key="filter-due"] option').nth(1).getAttribute("value");
    await page.locator('[data-key="filter-due"]').selectOption(by ?? "0");
    const early = await page.locator("#pl-unplanned li .order-pick").allInnerTexts();
    const byText = await page.locator('[data-key="filter-due"] option').nth(1).innerText();
    for (const line of early) expect(((/-(\d\d:\d\d)$/.exec(line) ?? [])[1] ?? "") <= byText).toBe(true);
    expect(early.length).toBeLessThan(30);
    await page.locator('[data-key="filter-due"]').selectOption("0");
    await page.locator('[data-key="filter-pallets"]').fill("5");
    const big = await page.locator("#pl-unplanned li .order-pick").allInnerTexts();
    for (const line of big) expect(Number((/, (\d+) pallets,/.exec(line) ?? [])[1])).toBeGreaterThanOrEqual(5);
    await expect.poll(() => page.locator(".pl-shown").innerText()).toBe(`${big.length} van 30 getoond`);
    await page.locator('[data-key="filter-pallets"]').fill("0");
    await expect.poll(() => unplannedCount(page)).toBe(30);

    // Town labels: most towns named, no two labels on top of each other.
    const labels = await townLabels(page);
    expect(labels.boxes.length).toBeGreaterThanOrEqual(Math.ceil(labels.towns * 0.6));
    expect(overlapping(labels.boxes)).toEqual([]);

    // Round 2: the assistant plans everything; every truck on the road has its timeline.
    await nextRound(page, 2);
    // The proposal's changes name the trucks as the cards do.
    await page.locator('[data-key="assist"]').click();
    await page.locator("#pl-diff [data-change]").first().waitFor({ state: "attached", timeout: 15_000 });
    const changes = await page.locator("#pl-diff [data-change]").evaluateAll((els) => els.map((e) => e.textContent));
    expect(changes.length).toBe(30);
    for (const line of changes) expect(line).toMatch(/: ingepland op Wagen \d+$/);
    await takeProposal(page);
    const routes = await page.evaluate(() =>
      [...document.querySelectorAll(".planner-truck")].map((card) => ({
        vehicle: card.getAttribute("data-vehicle"),
        stops: [...card.querySelectorAll("ol li[data-order]")].map((li) => ({
          order: li.getAttribute("data-order"),
          arrival: li.querySelector(".stop-arrival")?.getAttribute("data-arrival") ?? null,
        })),
        marks: [...card.querySelectorAll(".tl-stop")].map((m) => ({
          order: m.getAttribute("data-stop"),
          arrival: m.getAttribute("data-arrival"),
        })),
        times: [...card.querySelectorAll(".tl-stop-time, .tl-stop-n")].map((el) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent ?? "", x: r.x, y: r.y, w: r.width, h: r.height };
        }),
        firstTime: card.querySelector(".tl-stop .tl-stop-time")?.textContent ?? null,
        figures: card.querySelector(".tl-figures")?.textContent ?? "",
        drives: card.querySelectorAll('.tl-seg[data-seg="drive"]').length,
        services: card.querySelectorAll(".tl-seg.tl-service").length,
      })),
    );
    const used = routes.filter((r) => r.stops.length > 0);
    expect(used.length).toBeGreaterThan(0);
    expect(used.reduce((a, r) => a + r.stops.length, 0)).toBe(30);
    for (const r of used) {
      expect(r.marks).toEqual(r.stops);
      // The first arrival is written on the bar, and no two times or stop numbers written there overlap.
      expect(r.firstTime).toBe(r.stops[0]?.arrival);
      expect(overlapping(r.times)).toEqual([]);
      for (const s of r.stops) expect(s.arrival).toMatch(/^\d\d:\d\d$/);
      expect(r.figures).toMatch(
        /^Vertrek \d\d:\d\d · Terug \d\d:\d\d · \d+ km · \d+,\d uur · EUR [\d.]+ · [\d.]+ kg CO2$/,
      );
      expect(r.drives).toBe(r.stops.length + 1);
      expect(r.services).toBe(r.stops.length);
    }
    // Arrivals in driving order.
    for (const r of used) expect([...r.stops.map((s) => s.arrival)].sort()).toEqual(r.stops.map((s) => s.arrival));
    heights.round2 = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(heights.round1).toBeLessThanOrEqual(1.3 * 1080);
    expect(heights.round2).toBeLessThanOrEqual(1.3 * 1080);
    // No truck anywhere by its id.
    expect(await page.locator("main").innerText()).not.toMatch(/\bc\d+-v\d+\b/);
    console.info(
      `document height at 1920x1080 with 30 orders: round 1 ${heights.round1} px, round 2 ${heights.round2} px`,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "planner-board-1920.png") });

    // "Ask the driver" for a planned order too.
    const planned = page.locator(".planner-truck li[data-order]").first();
    await planned.locator('[data-key^="ask-"]').click();
    await expect
      .poll(() =>
        planned
          .locator("em")
          .innerText()
          .then((x) => x.trim()),
      )
      .toMatch(/^(Chauffeur: .+|De chauffeur weet .+)$/);

    // The same desk at 1366x768: side by side, no long page.
    await page.setViewportSize({ width: 1366, height: 768 });
    const laptop = await page.evaluate(() => document.documentElement.scrollHeight);
    console.info(`document height at 1366x768 with 30 orders: ${laptop} px`);
    expect(laptop).toBeLessThanOrEqual(1.3 * 768);
    expect(overlapping((await townLabels(page)).boxes)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "planner-board-1366.png") });
    expectNoProblems(problems);
    await context.close();
  });

  it("on a phone (360x640): tabs for map, trucks and orders, and planning by tap", async () => {
    const { page, context, problems } = await harness.open(
      { width: 360, height: 640 },
      { deviceScaleFactor: 2, hasTouch: true },
    );
    await openRegion(page, harness.url, "Sam", 30);
    await page.locator('[data-key="start"]').tap();
    await expect.poll(() => page.locator("#pl-round").innerText(), { timeout: 15_000 }).toContain("Ronde 1");
    await expect.poll(() => page.locator("svg.planner-map-svg").getAttribute("data-land")).toBe("2");
    const shown = () =>
      page.evaluate(() =>
        ["map", "trucks", "orders"].filter((c) => {
          const el = document.querySelector(`[data-col="${c}"]`);
          return el !== null && el.getBoundingClientRect().height > 0;
        }),
      );
    expect(await page.locator(".planner-tabs [role=tab]").allInnerTexts()).toEqual(["Kaart", "Wagens", "Orders"]);
    expect(await shown()).toEqual(["map"]);
    expect(overlapping((await townLabels(page)).boxes)).toEqual([]);
    const phone: Record<string, number> = {};
    phone.map = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.locator('[data-tab="trucks"]').tap();
    expect(await shown()).toEqual(["trucks"]);
    phone.trucks = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.locator('[data-tab="orders"]').tap();
    expect(await shown()).toEqual(["orders"]);
    phone.orders = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Tap an order, tap a truck: it is on that truck.
    const order = (await page.locator("#pl-unplanned li").first().getAttribute("data-order")) ?? "";
    await page.locator(`#pl-unplanned [data-key="pick-${order}"]`).tap();
    await page.locator("#pl-pick").waitFor();
    expect(await page.locator("#pl-pick [role=status]").innerText()).toMatch(/gekozen: tik op een wagen/);
    const truck = page.locator('#pl-pick [data-key^="put-"]').nth(1);
    expect(await truck.innerText()).toBe("Wagen 2");
    await truck.tap();
    await expect.poll(() => unplannedCount(page)).toBe(29);
    expect(await page.locator("#pl-pick").count()).toBe(0);
    await page.locator('[data-tab="trucks"]').tap();
    const second = page.locator(".planner-truck").nth(1);
    await expect
      .poll(() => second.locator("li[data-order]").evaluateAll((els) => els.map((e) => e.getAttribute("data-order"))))
      .toEqual([order]);
    await expect.poll(() => second.locator(".tl-stop").count()).toBe(1);
    // And a pin on the map: tap it, then a truck in the bar.
    await page.locator('[data-tab="map"]').tap();
    const pin = page.locator(".map-pin-unplanned").first();
    const pinned = (await pin.getAttribute("data-pin")) ?? "";
    await pin.locator("circle").first().tap();
    await page.locator("#pl-pick").waitFor();
    await page.locator('#pl-pick [data-key^="put-"]').first().tap();
    await expect
      .poll(() => page.locator(`.map-pin[data-pin="${pinned}"]`).getAttribute("class"))
      .not.toContain("unplanned");
    await expect.poll(() => unplannedCount(page)).toBe(28);
    console.info(
      `document height at 360x640 with 30 orders: map ${phone.map}, trucks ${phone.trucks}, orders ${phone.orders} px`,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "planner-board-phone-map.png") });
    await page.locator('[data-tab="trucks"]').tap();
    await page.screenshot({ path: path.join(ARTIFACTS, "planner-board-phone-trucks.png") });
    expectNoProblems(problems);
    await context.close();
  });

  it("shows an offer by town, pallets and window and what taking it costs or saves, before it is taken", async () => {
    const a = await harness.open({ width: 1366, height: 768 });
    const b = await harness.open({ width: 1366, height: 768 });
    const code = await openRegion(a.page, harness.url, "Anna", 15, 2);
    await b.page.goto(harness.url);
    await b.page.locator("#open-planner").click();
    await b.page.locator("#pl-name").fill("Bram");
    await b.page.locator("#pl-code").fill(code);
    await b.page.locator("#pl-join").click();
    // Bram is in the region (his desk waits with the region's code) before Anna starts it.
    await b.page
      .getByRole("status")
      .filter({ hasText: new RegExp(`(Code voor de anderen|Code for the others): ${code}$`) })
      .waitFor({ timeout: 15_000 });
    await a.page.locator('[data-key="start"]').click();
    await expect.poll(() => a.page.locator("#pl-round").innerText(), { timeout: 15_000 }).toContain("Ronde 1");
    for (const r of [2, 3, 4]) await nextRound(a.page, r);
    await expect.poll(() => b.page.locator("#pl-round").innerText(), { timeout: 30_000 }).toContain("Ronde 4");
    // Anna's own orders are offered by town, pallets and window.
    const own = a.page.locator("#pl-own-orders li").first();
    expect(await own.innerText()).toMatch(/^\S+: [A-Z][a-z]+, \d+ pallets, \d\d:\d\d-\d\d:\d\d/);
    const offered = (await own.getAttribute("data-order")) ?? "";
    await own.locator('[data-key^="offer-"]').click();
    const line = b.page.locator("#pl-open-offers li").first();
    await line.waitFor({ timeout: 30_000 });
    expect(await line.innerText()).toMatch(
      new RegExp(`^[A-Z][a-z]+, \\d+ pallets, \\d\\d:\\d\\d-\\d\\d:\\d\\d \\(order ${offered} van .*Anna.*\\)`),
    );
    await line.locator('[data-key^="preview-"]').click();
    const preview = line.locator(".offer-preview");
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.innerText()).toMatch(
      /^Overnemen (kost je EUR [\d.]+|bespaart je EUR [\d.]+|kost je niets extra)(, .*Anna.* (bespaart|betaalt) EUR [\d.]+( meer)?)?; de regio rijdt [\d.]+ km (minder|meer) en stoot [\d.]+ kg CO2 (minder|meer) uit\.$/,
    );
    await b.page.screenshot({ path: path.join(ARTIFACTS, "planner-board-exchange.png") });
    expectNoProblems(a.problems);
    expectNoProblems(b.problems);
    await a.context.close();
    await b.context.close();
  });
});
