// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
/**
 * Figures of the browser client: the JavaScript the first screen loads and
 * the whole client's JavaScript (gzip), and how fast the table becomes
 * interactive in headless Chromium on loopback against the real server.
 *
 * "Interactive" is the DOM marker the table sets (`data-table-ready`, and a
 * `iot:table-ready` performance mark) once the first hand is drawn and the
 * ask panel takes input.
 *
 * Usage: npx tsx scripts/bench-client.ts [--runs N] [--json]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { buildClient, launchChromium, ROOT, startApp } from "./browserHarness.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, json: { type: "boolean", default: false } },
});
const runs = Math.max(1, Number(values.runs));
const DIST = path.join(ROOT, "dist", "client");
const LIMITS = { firstScreenKB: 450, wholeKB: 700, interactiveMs: 2000 };

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The JS files the first screen loads: index.html's module scripts and preloads, and their static imports (not dynamic ones). */
export function firstScreenFiles(dist: string): string[] {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const entries = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g),
  ].map((m) => m[1] as string);
  const seen = new Set<string>();
  const visit = (url: string, from: string) => {
    const file = url.startsWith("/") ? path.join(dist, url) : path.resolve(path.dirname(from), url);
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    // Static imports only: `import ... from "./x.js"` and `import "./x.js"`; `import("./x.js")` is loaded on demand.
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) visit(m[1] as string, file);
  };
  for (const entry of entries) visit(entry, path.join(dist, "index.html"));
  return [...seen];
}

function allJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allJs(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : [],
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
};

/** Milliseconds from the page's navigation start to the table-ready mark. */
async function readyMark(page: Page): Promise<number> {
  await page.locator("[data-table-ready]").waitFor({ timeout: 20_000 });
  return page.evaluate(() => performance.getEntriesByName("iot:table-ready")[0]?.startTime ?? NaN);
}

async function main(): Promise<void> {
  buildClient(true);
  const first = firstScreenFiles(DIST);
  const firstBytes = first.reduce((sum, f) => sum + gz(f), 0);
  const wholeBytes = allJs(DIST).reduce((sum, f) => sum + gz(f), 0);

  const app = await startApp();
  const browser = await launchChromium();
  const homeToTable: number[] = [];
  const clickToTable: number[] = [];
  const reloadToTable: number[] = [];
  let networkFirst = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // A first visit: navigate, fill in a name, "Play now" at once.
      await page.goto(app.url);
      await page.locator('input[name="name"]').fill("Bench");
      if (i === 0) {
        // What Chromium fetched for the first screen, up to the load event (the table's code is prefetched after it).
        const loaded = await page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          return performance
            .getEntriesByType("resource")
            .filter((e) => e.name.endsWith(".js") && e.startTime <= nav.loadEventStart)
            .map((e) => new URL(e.name).pathname);
        });
        networkFirst = loaded.reduce((sum, p) => sum + gz(path.join(DIST, p)), 0);
      }
      const clickAt = await page.evaluate(() => performance.now());
      await page.locator('button[type="submit"].primary').click();
      const ready = await readyMark(page);
      homeToTable.push(ready);
      clickToTable.push(ready - clickAt);
      // A reload during the game: navigation straight back to the table.
      await page.reload();
      reloadToTable.push(await readyMark(page));
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }

  const figures = {
    firstScreenJsGzipKB: kb(firstBytes),
    firstScreenJsFiles: first.map((f) => path.relative(DIST, f)),
    firstScreenNetworkJsGzipKB: kb(networkFirst),
    wholeClientJsGzipKB: kb(wholeBytes),
    runs,
    navigationToTableMs: Math.round(median(homeToTable)),
    playClickToTableMs: Math.round(median(clickToTable)),
    reloadToTableMs: Math.round(median(reloadToTable)),
  };
  if (values.json) {
    console.log(JSON.stringify(figures, null, 2));
    return;
  }
  const ok = (v: number, limit: number) => (v <= limit ? "ok" : "OVER");
  console.log("Innovation on Track: browser client figures");
  console.log(
    `  first screen JS (index.html and its static imports): ${figures.firstScreenJsGzipKB} KB gzip (limit ${LIMITS.firstScreenKB}) ${ok(figures.firstScreenJsGzipKB, LIMITS.firstScreenKB)}`,
  );
  console.log(`    files: ${figures.firstScreenJsFiles.join(", ")}`);
  console.log(`    JS Chromium fetched up to the load event: ${figures.firstScreenNetworkJsGzipKB} KB gzip`);
  console.log(
    `  whole client JS: ${figures.wholeClientJsGzipKB} KB gzip (limit ${LIMITS.wholeKB}) ${ok(figures.wholeClientJsGzipKB, LIMITS.wholeKB)}`,
  );
  console.log(`  table interactive, median of ${runs} (headless Chromium, loopback):`);
  console.log(
    `    navigation to home, name, "Play now" -> table: ${figures.navigationToTableMs} ms after navigation (limit ${LIMITS.interactiveMs}) ${ok(figures.navigationToTableMs, LIMITS.interactiveMs)}`,
  );
  console.log(`    "Play now" click -> table: ${figures.playClickToTableMs} ms`);
  console.log(
    `    reload during a game -> table: ${figures.reloadToTableMs} ms after navigation (limit ${LIMITS.interactiveMs}) ${ok(figures.reloadToTableMs, LIMITS.interactiveMs)}`,
  );
}

await main();
