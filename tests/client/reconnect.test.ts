// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askStep, expectNoProblems, quickPlay } from "./driver.js";
import { startHarness, type Harness } from "./harness.js";

describe("drops and reloads", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("shows 'reconnecting' on a drop and comes back to the same seat, also after a reload", async () => {
    const { page, context, problems } = await harness.open({ width: 1024, height: 768 });
    await quickPlay(page, harness.url, "Ravi", 4);
    await expect.poll(() => askStep(page), { timeout: 60_000 }).toBe("player");
    const hand = () =>
      page
        .locator(".hand-layer button.card-hit")
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.card).join(","));
    const before = await hand();
    await page.evaluate(() => {
      const el = document.querySelector(".table-screen") as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => seen.push(el.dataset.connection ?? "")).observe(el, {
        attributes: true,
        attributeFilter: ["data-connection"],
      });
    });
    // The SDK takes a connection back only after it was up for its minUptime (500 ms; see RoomConnection).
    await page.waitForTimeout(600);
    harness.proxy.drop();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen.join(",")))
      .toContain("reconnecting");
    await expect
      .poll(() => page.locator(".table-screen").getAttribute("data-connection"), { timeout: 15_000 })
      .toBe("connected");
    expect(await hand()).toBe(before);

    const logLines = () => page.locator(".log-list li").count();
    const logged = await logLines();
    expect(logged).toBeGreaterThan(0);
    await page.reload();
    await page.locator("[data-table-ready]").waitFor({ timeout: 15_000 });
    await expect.poll(hand).toBe(before);
    // The log is back after the reload: the seat's view carries the game's history.
    expect(await logLines()).toBeGreaterThanOrEqual(logged);
    expect(await page.locator(".turn").innerText()).toMatch(/Jij bent aan de beurt/);
    expectNoProblems(problems);
    await context.close();
  });
});
