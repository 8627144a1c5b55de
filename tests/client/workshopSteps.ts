/**
 * What the workshop browser tests do the same way: a facilitator account in
 * a fresh data folder, signing in and creating a workshop in the console, and
 * participants joining by its code.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { ROOT } from "../../scripts/browserHarness.js";
import type { Harness, TestPage } from "./harness.js";

export const EMAIL = "facilitator@example.org";
export const PASSWORD = "rails-together-1+1=4";

/**
 * A fresh data folder (as DATA_DIR, which the harness's server takes) with the
 * facilitator account in it, made by the project's own script. Returns the folder.
 */
export function facilitatorData(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  process.env.DATA_DIR = dir;
  const add = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/facilitator-add.ts", "--email", EMAIL, "--password", PASSWORD],
    { cwd: ROOT, env: process.env, encoding: "utf8" },
  );
  expect(add.status, add.stderr).toBe(0);
  return dir;
}

/**
 * Signs in on the facilitator's page and creates a workshop titled `title`,
 * choosing `selects` (field name to option value) on the form first. Returns
 * the workshop's join code.
 */
export async function createWorkshop(
  page: Page,
  url: string,
  title: string,
  selects: Record<string, string> = {},
): Promise<string> {
  await page.goto(`${url}#facilitator`);
  await page.getByLabel("E-mailadres").fill(EMAIL);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByLabel("Titel").fill(title);
  for (const [name, value] of Object.entries(selects)) await page.locator(`select[name="${name}"]`).selectOption(value);
  await page.getByRole("button", { name: "Workshop maken" }).click();
  const codeEl = page.locator(".join-code .code");
  await codeEl.waitFor();
  return (await codeEl.innerText()).trim();
}

/** A participant `name` joins the workshop `code` on a page of their own and waits in the lobby. */
export async function joinAs(
  harness: Harness,
  code: string,
  name: string,
  viewport = { width: 800, height: 900 },
): Promise<TestPage> {
  const p = await harness.open(viewport);
  await p.page.goto(`${harness.url}join/${code}`);
  await p.page.getByLabel(/Je naam/).fill(name);
  await p.page.getByRole("button", { name: "Meedoen" }).click();
  await p.page.getByRole("heading", { name: `Je bent binnen, ${name}` }).waitFor();
  return p;
}
