import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectNoProblems } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";
import { createWorkshop, facilitatorData, joinAs } from "./workshopSteps.js";

/** The line of the workshop titled exactly `title` in the facilitator's list. */
const lineOf = (page: Page, title: string) =>
  page
    .locator(".workshop-line")
    .filter({ has: page.locator(".workshop-title", { hasText: new RegExp(`^${title}$`) }) });

describe("managing workshops in Chromium at 1920x1080", () => {
  let harness: Harness;
  beforeAll(async () => {
    facilitatorData("iot-manage-");
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
    delete process.env.DATA_DIR;
  });

  it("creates, locks, removes a participant, renames, duplicates, archives and deletes with a confirmation", async () => {
    const fac = await harness.open({ width: 1920, height: 1080 });
    const page = fac.page;
    const code = await createWorkshop(page, harness.url, "Regio Noord");

    // Locked: someone new who enters the code is refused, in their language; opened again, they get in.
    const anna = await joinAs(harness, code, "Anna");
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole("button", { name: "Sluiten voor nieuwe deelnemers" }).click();
    await page.getByText("Gesloten: wie nu de code invult, komt er niet meer in.").waitFor();
    const bram = await harness.open({ width: 800, height: 900 });
    await bram.page.goto(`${harness.url}join/${code}`);
    await bram.page.getByLabel(/Je naam/).fill("Bram");
    await bram.page.getByRole("button", { name: "Meedoen" }).click();
    await bram.page.getByText("Deze workshop is gesloten voor nieuwe deelnemers.", { exact: false }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "workshop-manage-locked.png") });
    await bram.page.screenshot({ path: path.join(ARTIFACTS, "workshop-manage-locked-join.png") });
    await page.getByRole("button", { name: "Weer openzetten voor nieuwe deelnemers" }).click();
    await page.getByRole("button", { name: "Sluiten voor nieuwe deelnemers" }).waitFor();
    await bram.page.getByRole("button", { name: "Meedoen" }).click();
    await bram.page.getByRole("heading", { name: "Je bent binnen, Bram" }).waitFor();
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(2);

    // Removing Anna asks first; cancelled, she stays; confirmed, she goes.
    await page.getByRole("button", { name: "Anna verwijderen" }).click();
    const dialog = page.locator("dialog.confirm-dialog");
    await expect.poll(() => dialog.innerText()).toContain("Anna kan niet meer terugkomen met deze aanmelding.");
    await page.screenshot({ path: path.join(ARTIFACTS, "workshop-manage-remove.png") });
    await dialog.getByRole("button", { name: "Annuleren" }).click();
    expect(await page.locator(".waiting li").allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining("Anna")]),
    );
    await page.getByRole("button", { name: "Anna verwijderen" }).click();
    await dialog.getByRole("button", { name: "Verwijderen" }).click();
    await expect.poll(() => page.locator(".waiting li").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator(".waiting").innerText()).not.toContain("Anna");

    // The list: date, game, status, participant count and code.
    await page.getByRole("button", { name: "Naar je workshops" }).click();
    const original = lineOf(page, "Regio Noord");
    await original.waitFor();
    const today = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long" }).format(new Date());
    const facts = await original.locator(".workshop-facts").innerText();
    for (const fact of [today, "Kwartet", "wacht op deelnemers", "1 deelnemer ", `Code ${code}`]) {
      expect(facts).toContain(fact);
    }

    // Rename.
    await original.getByRole("button", { name: "Naam wijzigen" }).click();
    await page.getByLabel("Nieuwe naam voor Regio Noord").fill("Regio Oost");
    await page.getByRole("button", { name: "Opslaan" }).click();
    const renamed = lineOf(page, "Regio Oost");
    await renamed.waitFor();
    expect(await lineOf(page, "Regio Noord").count()).toBe(0);

    // Duplicate: same settings, a new code, nobody in it.
    await renamed.getByRole("button", { name: "Kopie maken" }).click();
    const copy = lineOf(page, "Regio Oost \\(kopie\\)");
    await copy.waitFor();
    const copyFacts = await copy.locator(".workshop-facts").innerText();
    expect(copyFacts).toContain("Kwartet");
    expect(copyFacts).toContain("0 deelnemers");
    expect(copyFacts).not.toContain(code);
    await page.screenshot({ path: path.join(ARTIFACTS, "workshop-manage-list.png"), fullPage: true });

    // Archive the copy: it leaves the list and is behind the toggle, from where it comes back.
    await copy.getByRole("button", { name: "Archiveren" }).click();
    await expect.poll(() => copy.count()).toBe(0);
    await page.getByLabel("Gearchiveerde workshops tonen").check();
    await copy.waitFor();
    expect(await lineOf(page, "Regio Oost").count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "workshop-manage-archived.png") });
    await copy.getByRole("button", { name: "Terugzetten" }).click();
    await page.getByText("Geen gearchiveerde workshops.").waitFor();
    await page.getByLabel("Gearchiveerde workshops tonen").uncheck();
    await copy.waitFor();

    // Delete asks first and says what goes; cancelled, nothing goes.
    await renamed.getByRole("button", { name: "Verwijderen" }).click();
    await expect.poll(() => dialog.innerText()).toContain("Workshop Regio Oost verwijderen?");
    const said = await dialog.innerText();
    expect(said).toContain("Je verwijdert ook 0 tafels, 1 deelnemer en de uitslagen van 0 gespeelde tafels.");
    expect(said).toContain("Dit kun je niet ongedaan maken.");
    await page.screenshot({ path: path.join(ARTIFACTS, "workshop-manage-delete.png") });
    await dialog.getByRole("button", { name: "Annuleren" }).click();
    await renamed.waitFor();
    await renamed.getByRole("button", { name: "Verwijderen" }).click();
    await dialog.getByRole("button", { name: "Definitief verwijderen" }).click();
    await page.getByText("Workshop Regio Oost is verwijderd.").waitFor();
    expect(await renamed.count()).toBe(0);
    expect(await copy.count()).toBe(1);
    // Its code no longer works.
    const late = await harness.open({ width: 800, height: 900 });
    await late.page.goto(`${harness.url}join/${code}`);
    await late.page.getByLabel(/Je naam/).fill("Chris");
    await late.page.getByRole("button", { name: "Meedoen" }).click();
    await late.page.getByText("Deze code kennen we niet.", { exact: false }).waitFor();

    // The facilitator's page saw no error; Bram's saw the refusal (423) and Anna's her lobby refused once she was removed.
    expectNoProblems(fac.problems);
    expect(bram.problems).toContain(`HTTP 423: ${harness.url}api/join`);
    expect(bram.problems.every((p) => p.includes("423"))).toBe(true);
    expect(anna.problems.every((p) => p.includes("401"))).toBe(true);
  });
});
