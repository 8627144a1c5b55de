/**
 * The browser tests' harness: the real server behind a drop proxy and
 * Chromium (see scripts/browserHarness.ts); every page records console
 * errors, page errors, failed requests and HTTP errors so a test can demand
 * none.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, ROOT, startApp, type DropProxy } from "../../scripts/browserHarness.js";

export const ARTIFACTS = path.join(ROOT, "artifacts", "client");

export interface Harness {
  /** The app's address (through the drop proxy). */
  url: string;
  browser: Browser;
  proxy: DropProxy;
  /** Stops the server with `signal` and starts it again on the same port and data (see `AppServer.restart`). */
  restart(signal: "SIGKILL" | "SIGTERM"): Promise<void>;
  /** A new page (own context) with problems recorded. */
  open(
    viewport: { width: number; height: number },
    options?: { deviceScaleFactor?: number; hasTouch?: boolean },
  ): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors, failed requests and HTTP errors seen so far. */
  problems: string[];
}

/** Builds, starts the server behind a proxy, and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  const app = await startApp();
  const browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: app.url,
    browser,
    proxy: app.proxy,
    restart: (signal) => app.restart(signal),
    async open(viewport, options = {}) {
      const context = await browser.newContext({ viewport, ...options });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on("requestfailed", (r) => {
        const error = r.failure()?.errorText ?? "";
        // A page that stops following an event stream (EventSource.close()) aborts its request: not a problem.
        if (error === "net::ERR_ABORTED" && r.resourceType() === "eventsource") return;
        problems.push(`request failed: ${r.url()} ${error}`);
      });
      page.on("response", (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      return { page, context, problems };
    },
    async close() {
      await browser.close().catch(() => undefined);
      await app.close();
    },
  };
}
