// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ROOT } from "../../scripts/browserHarness.js";
import { expectNoProblems } from "./driver.js";
import { startHarness, type Harness, type TestPage } from "./harness.js";

const EMAIL = "console@example.org";
const PASSWORD = "rails-together-1+1=4";

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
    process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "iot-console-"));
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

  it("keeps focus and what was typed, and an open move list, while overviews are pushed", async () => {
    const fac = await harness.open({ width: 1400, height: 900 });
    const page = fac.page;
    await page.goto(`${harness.url}#facilitator`);
    await page.getByLabel("E-mailadres").fill(EMAIL);
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByLabel("Titel").fill("Focus blijft staan");
    await page.getByRole("button", { name: "Workshop maken" }).click();
    const codeEl = page.locator(".join-code .code");
    await codeEl.waitFor();
    const code = (await codeEl.innerText()).trim();

    const players: TestPage[] = [];
    const join = async (name: string) => {
      const p = await harness.open({ width: 800, height: 900 });
      await p.page.goto(`${harness.url}join/${code}`);
      await p.page.getByLabel(/Je naam/).fill(name);
      await p.page.getByRole("button", { name: "Meedoen" }).click();
      await p.page.getByRole("heading", { name: `Je bent binnen, ${name}` }).waitFor();
      players.push(p);
    };

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
