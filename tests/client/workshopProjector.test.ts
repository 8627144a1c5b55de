// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectNoProblems } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness, type TestPage } from "./harness.js";
import { createWorkshop, EMAIL, facilitatorData, joinAs, PASSWORD } from "./workshopSteps.js";

const SCREEN = { width: 1920, height: 1080 };

/** The labels of the console's game and phase controls and its links (its action row, without the participant controls' reopen), in order. */
const controls = (page: Page) => page.locator(".console-actions button:not([data-act])").allInnerTexts();

/** The rendered size of the element `selector` matches: its box's height and its computed font size (px). */
const rendered = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => ({
    height: el.getBoundingClientRect().height,
    width: el.getBoundingClientRect().width,
    fontSize: Number.parseFloat(getComputedStyle(el).fontSize),
  }));

/** The workshop's status line in the console. */
const status = (page: Page) => page.locator(".console-head p").first().innerText();

describe("the console's address, its controls and the projector view at 1920x1080", () => {
  let harness: Harness;
  beforeAll(async () => {
    facilitatorData("iot-projector-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  it("a quartet workshop: address and reload, projector with live names then progress, pause or resume, the end confirmed", async () => {
    const fac = await harness.open(SCREEN);
    const page = fac.page;
    const code = await createWorkshop(page, harness.url, "Projector in Drenthe", { botLevel: "easy" });

    // The console has its own address; a reload shows the same workshop.
    const consoleHash = await page.evaluate(() => location.hash);
    expect(consoleHash).toMatch(/^#facilitator\/workshops\/[^/]+$/);
    await page.reload();
    await expect.poll(() => page.locator(".join-code .code").innerText(), { timeout: 10_000 }).toBe(code);
    expect(await page.evaluate(() => location.hash)).toBe(consoleHash);

    // A bookmark opened by a browser that is not signed in: the sign-in form, then this workshop's console.
    const other = await harness.open(SCREEN);
    await other.page.goto(`${harness.url}${consoleHash}`);
    await other.page.getByLabel("E-mailadres").fill(EMAIL);
    await other.page.getByLabel("Wachtwoord").fill(PASSWORD);
    await other.page.getByRole("button", { name: "Inloggen" }).click();
    await expect.poll(() => other.page.locator(".join-code .code").innerText(), { timeout: 10_000 }).toBe(code);
    // "To your workshops" goes to the list; the browser's back button returns to the console.
    await other.page.getByRole("button", { name: "Naar je workshops" }).click();
    await other.page.getByRole("heading", { name: "Jouw workshops" }).waitFor();
    expect(await other.page.evaluate(() => location.hash)).toBe("#facilitator");
    await other.page.goBack();
    await expect.poll(() => other.page.locator(".join-code .code").innerText(), { timeout: 10_000 }).toBe(code);
    // The session ends while the console is open: the next call asks to sign in, then the same console is back.
    await other.page.evaluate(() =>
      fetch("/api/auth/logout", { method: "POST", headers: { "content-type": "application/json" } }),
    );
    await other.page.getByRole("button", { name: "Alle tafels starten" }).click();
    await other.page.getByLabel("Wachtwoord").fill(PASSWORD);
    await other.page.getByLabel("E-mailadres").fill(EMAIL);
    await other.page.getByRole("button", { name: "Inloggen" }).click();
    await expect.poll(() => other.page.locator(".join-code .code").innerText(), { timeout: 10_000 }).toBe(code);
    expect(await other.page.evaluate(() => location.hash)).toBe(consoleHash);
    await other.context.close();

    // Before the start: seat and start, but no pause, resume or planner round.
    expect(await controls(page)).toEqual([
      "Alle tafels starten",
      "Projectorweergave",
      "Nabespreking",
      "Workshop afsluiten",
    ]);

    // The projector view: its own address, full screen on a click.
    await page.getByRole("button", { name: "Projectorweergave" }).click();
    await page.locator(".projector .projector-code").waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(`${consoleHash}/projector`);
    await page.getByRole("button", { name: "Volledig scherm" }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await page.locator(".projector-qr").evaluate((img: HTMLImageElement) => img.decode());

    // Readable from 10 m at 1080p: the QR code at least 40 % of the height, link and code at least 48 px.
    const qr = await rendered(page, ".projector-qr");
    const link = await rendered(page, ".projector-link");
    const codeSize = await rendered(page, ".projector-code");
    console.log(
      `[projector 1920x1080] QR ${qr.height.toFixed(0)} x ${qr.width.toFixed(0)} px (${((qr.height / SCREEN.height) * 100).toFixed(1)} % of the height), link ${link.fontSize} px, code ${codeSize.fontSize} px`,
    );
    expect(qr.height).toBeGreaterThanOrEqual(0.4 * SCREEN.height);
    expect(link.fontSize).toBeGreaterThanOrEqual(48);
    expect(codeSize.fontSize).toBeGreaterThanOrEqual(48);
    // Nothing of it is cut off or outside the screen.
    for (const selector of [".projector-qr", ".projector-link", ".projector-code"]) {
      const box = await page.locator(selector).boundingBox();
      expect(
        box && box.y >= 0 && box.x >= 0 && box.y + box.height <= SCREEN.height && box.x + box.width <= SCREEN.width,
      ).toBe(true);
    }
    const host = new URL(harness.url).host;
    expect(await page.locator(".projector-link").innerText()).toBe(`${host}/join/${code}`);
    expect(await page.locator(".projector-code").innerText()).toBe(code);
    // The QR code is the join link itself (the same symbol the qrcode library draws for it).
    const qrSrc = (await page.locator(".projector-qr").getAttribute("src")) ?? "";
    const served = await page.evaluate(async (src) => (await fetch(src)).text(), qrSrc);
    expect(served).toBe(
      await QRCode.toString(`${harness.url}join/${code}`, { type: "svg", margin: 1, errorCorrectionLevel: "M" }),
    );
    expect(await page.locator("#projector-count").innerText()).toBe("Binnen: 0");
    await page.screenshot({ path: path.join(ARTIFACTS, "projector-empty.png") });

    // Names appear as participants join from other browsers, with the count; a long name is cut with an ellipsis, markup stays text.
    const longName = "Willemijn Wagemakers-Wit"; // MAX_NAME_LENGTH (24) characters
    const names = ["Bram", "<b>Chris</b>", longName];
    const players: TestPage[] = [];
    for (const [i, name] of names.entries()) {
      players.push(await joinAs(harness, code, name));
      await expect
        .poll(() => page.locator("#projector-count").innerText(), { timeout: 10_000 })
        .toBe(`Binnen: ${i + 1}`);
      await expect.poll(() => page.locator(".projector-names li").nth(i).innerText()).toBe(name);
    }
    expect(await page.locator(".projector-names li b").count()).toBe(0);
    const cut = await page
      .locator(".projector-names li", { hasText: "Willemijn" })
      .evaluate((li) => ({ overflow: getComputedStyle(li).textOverflow, cut: li.scrollWidth > li.clientWidth }));
    expect(cut).toEqual({ overflow: "ellipsis", cut: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "projector-names.png") });

    // Back to the console (its address again): seat and start everyone; then only the playing controls.
    await page.getByRole("button", { name: "Terug naar de console" }).click();
    await page.locator(".join-code .code").waitFor();
    expect(await page.evaluate(() => location.hash)).toBe(consoleHash);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(await controls(page)).toEqual([
      "Tafels indelen",
      "Alle tafels starten",
      "Projectorweergave",
      "Nabespreking",
      "Workshop afsluiten",
    ]);
    await page.getByRole("button", { name: "Tafels indelen" }).click();
    await expect.poll(() => page.locator('.table-card[data-table="1"] li').count()).toBe(3);
    await page.getByRole("button", { name: "Alle tafels starten" }).click();
    for (const p of players) await p.page.locator("[data-table-ready]").waitFor({ timeout: 30_000 });
    await expect
      .poll(() => controls(page), { timeout: 10_000 })
      .toEqual(["Pauzeren", "Projectorweergave", "Nabespreking", "Workshop afsluiten"]);
    // Pause OR resume, as the tables are.
    await page.screenshot({ path: path.join(ARTIFACTS, "console-quartet-playing.png") });
    await page.getByRole("button", { name: "Pauzeren" }).click();
    await expect
      .poll(() => controls(page), { timeout: 10_000 })
      .toEqual(["Verder spelen", "Projectorweergave", "Nabespreking", "Workshop afsluiten"]);
    await page.getByRole("button", { name: "Verder spelen" }).click();
    await expect.poll(() => controls(page), { timeout: 10_000 }).toContain("Pauzeren");

    // Closed to newcomers: the projector says so.
    await page.locator('[data-act="lock"]').click();
    await page.locator('[data-act="unlock"]').waitFor({ timeout: 10_000 });

    // The projector, by its address, now shows how far the table is instead of the names.
    await page.goto(`${harness.url}${consoleHash}/projector`);
    const card = page.locator('.progress-card[data-table="1"]');
    await card.waitFor({ timeout: 10_000 });
    expect(await page.locator(".projector-locked").innerText()).toBe(
      "De workshop is gesloten: er kan niemand meer bij.",
    );
    expect(await page.locator(".projector").getAttribute("data-phase")).toBe("tables");
    expect(await page.locator(".projector-names").count()).toBe(0);
    expect(await card.locator("h3").innerText()).toBe("Tafel 1 · Kwartet");
    await expect.poll(() => card.locator('[data-progress="quartets"]').innerText()).toMatch(/^\d van 5 kwartetten$/);
    expect(await card.locator(".turn").innerText()).toMatch(/^Aan de beurt: /);
    const body = await rendered(page, '.progress-card [data-progress="quartets"]');
    expect(body.fontSize).toBeGreaterThanOrEqual(28);
    expect((await rendered(page, ".projector-qr")).height).toBeGreaterThanOrEqual(0.4 * SCREEN.height);
    await page.screenshot({ path: path.join(ARTIFACTS, "projector-tables.png") });
    await page.goBack();
    await page.locator(".join-code .code").waitFor();

    // Ending asks first and says what it does; Escape (and cancel) keep the workshop running.
    const end = page.getByRole("button", { name: "Workshop afsluiten" });
    await end.click();
    const dialog = page.getByRole("dialog", { name: "Workshop afsluiten?" });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("de code werkt niet meer");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Annuleren");
    // Focus stays in the dialog.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    }
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "console-end-confirm.png") });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Workshop afsluiten");
    await end.click();
    await dialog.getByRole("button", { name: "Annuleren" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await status(page)).toBe("bezig");
    for (const p of players) expect(await p.page.locator("[data-table-ready]").count()).toBe(1);
    // Confirmed: the workshop ends and has no controls left.
    await end.click();
    await dialog.getByRole("button", { name: "Ja, workshop afsluiten" }).click();
    await expect.poll(() => status(page), { timeout: 10_000 }).toBe("afgelopen");
    expect(await controls(page)).toEqual(["Projectorweergave", "Nabespreking"]);

    for (const p of [fac, ...players]) expectNoProblems(p.problems);
  });

  it("a planner workshop: its rounds' control instead of the quartet's, and the regions' progress", async () => {
    const fac = await harness.open(SCREEN);
    const page = fac.page;
    const code = await createWorkshop(page, harness.url, "Planners op de projector", { game: "planner" });
    expect(await controls(page)).toEqual([
      "Alle tafels starten",
      "Projectorweergave",
      "Nabespreking",
      "Workshop afsluiten",
    ]);
    const planner = await joinAs(harness, code, "Dewi");
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole("button", { name: "Tafels indelen" }).click();
    await expect.poll(() => page.locator('.table-card[data-table="1"] li').count()).toBe(1);
    await page.getByRole("button", { name: "Alle tafels starten" }).click();
    await planner.page.locator("main.planner").waitFor({ timeout: 30_000 });

    // The planner's step names what it does; pause is there, no start any more.
    await expect
      .poll(() => controls(page), { timeout: 10_000 })
      .toEqual([
        expect.stringMatching(/^Ronde 1 (afronden|starten) \(alle regio's\)$/),
        "Pauzeren",
        "Projectorweergave",
        "Nabespreking",
        "Workshop afsluiten",
      ]);
    await page.screenshot({ path: path.join(ARTIFACTS, "console-planner-playing.png") });
    const before = await page.locator("#next-round").innerText();
    await page.locator("#next-round").click();
    await expect.poll(() => page.locator("#next-round").innerText(), { timeout: 10_000 }).not.toBe(before);

    await page.getByRole("button", { name: "Projectorweergave" }).click();
    const card = page.locator('.progress-card[data-table="1"]');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator("h3").innerText()).toBe("Tafel 1 · Transportplanner");
    await expect
      .poll(() => card.locator('[data-progress="round"]').innerText(), { timeout: 10_000 })
      .toMatch(/^(Wacht op ronde 1|Ronde [1-4] van 4( klaar)?)$/);
    await page.screenshot({ path: path.join(ARTIFACTS, "projector-planner.png") });

    expectNoProblems(fac.problems);
    expectNoProblems(planner.problems);
  });
});
