// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectNoProblems } from "./driver.js";
import { startHarness, type Harness, type TestPage } from "./harness.js";
import { createWorkshop, facilitatorData, joinAs } from "./workshopSteps.js";

/** Whether the element marked by `mark()` is still in the page and has focus. */
const markedHasFocus = (page: Page) =>
  page.evaluate(() => {
    const marked = (window as unknown as { marked?: Element }).marked;
    return marked !== undefined && marked.isConnected && document.activeElement === marked;
  });
/** Marks the element that has focus now. */
const mark = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { marked?: Element | null }).marked = document.activeElement;
  });

describe("the facilitator's console in Chromium", () => {
  let harness: Harness;
  beforeAll(async () => {
    facilitatorData("iot-console-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  it("keeps focus and what was typed, and an open move list, while overviews are pushed", async () => {
    const fac = await harness.open({ width: 1400, height: 900 });
    const page = fac.page;
    const code = await createWorkshop(page, harness.url, "Focus blijft staan");

    const players: TestPage[] = [];
    const join = async (name: string) => players.push(await joinAs(harness, code, name));

    // The facilitator is typing a message when a participant arrives (a pushed overview).
    const field = page.getByLabel("Bericht aan iedereen");
    await field.click();
    await page.keyboard.type("Over vijf min");
    await mark(page);
    await join("Anna");
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(1);
    expect(await markedHasFocus(page)).toBe(true);
    expect(await field.inputValue()).toBe("Over vijf min");
    // Typing goes on where it was.
    await page.keyboard.type("uten");
    expect(await field.inputValue()).toBe("Over vijf minuten");

    // The facilitator is in a participant's move list when the next one arrives: the list keeps focus and the console shows the newcomer.
    const move = page.locator(".waiting li", { hasText: "Anna" }).getByLabel("Naar tafel");
    await move.focus();
    await mark(page);
    await join("Bram");
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(2);
    expect(await markedHasFocus(page)).toBe(true);
    expect(await move.inputValue()).toBe("0");
    expect(await page.locator(".console-live h2").first().innerText()).toContain("2");

    for (const p of [fac, ...players]) expectNoProblems(p.problems);
  });
});
