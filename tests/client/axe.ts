/**
 * The browser tests' accessibility check: axe-core injected into the page and
 * run against the WCAG 2.0, 2.1 and 2.2 level A and AA rules. Every
 * violation is printed with its impact, help text and the elements it was
 * found on, and the check fails on any of them. Beside axe, the check also
 * fails on an element in the Tab order that cannot be seen when it has focus
 * (no size, hidden, transparent or outside the window once scrolled to), which axe does not test.
 */
// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The axe-core rule tags checked: WCAG 2.2 level A and AA (2.0, 2.1 and 2.2 success criteria). */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;

const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** One violation as the check reports it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Each element's CSS selector with axe's summary of what is wrong there. */
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core on the page once its finite animations ended (at most 3 s) and returns the WCAG 2.2 A/AA violations
 * (none when it is accessible by these rules).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Colours are read as painted: let the page's finite CSS animations and transitions (a name fading in) finish first.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((x) => x.playState === "running" && x.effect?.getComputedTiming().endTime !== Infinity)
          .map((x) => x.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 3_000)),
    ]),
  );
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(
    async (tags) => {
      interface AxeResult {
        violations: {
          id: string;
          impact?: string | null;
          help: string;
          nodes: { target: unknown[]; failureSummary?: string }[];
        }[];
      }
      const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResult> } }).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(" "), summary: n.failureSummary ?? "" })),
      }));
    },
    [...WCAG_TAGS],
  );
}

/**
 * The elements in the Tab order (focusable, tabindex not negative, not disabled, not inside `inert`) that cannot be
 * seen once focused: smaller than 2x2 CSS px, hidden by visibility or opacity, or outside the window after the browser
 * scrolled it into view. Each is focused in turn, as Tab would (focus and the page's scroll return to where they were); returns their descriptions.
 */
export function unseenFocusables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      "a[href], button, input, select, textarea, summary, [tabindex], [contenteditable=''], [contenteditable='true']";
    const before = document.activeElement as HTMLElement | null;
    const scroll = [window.scrollX, window.scrollY] as const;
    const unseen: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.tabIndex < 0 || el.matches(":disabled") || el.closest("[inert]")) continue;
      if (el instanceof HTMLInputElement && el.type === "hidden") continue;
      // Not rendered at all (display: none, or a closed dialog's or details' content): not in the Tab order either.
      if (el.getClientRects().length === 0) continue;
      // Focused as Tab would: the browser scrolls it (and its scrolling panels) into view.
      el.focus();
      if (document.activeElement !== el) continue;
      const r = el.getBoundingClientRect();
      const outside = r.right <= 0 || r.bottom <= 0 || r.left >= window.innerWidth || r.top >= window.innerHeight;
      const hidden = !el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      if (r.width < 2 || r.height < 2 || hidden || outside) {
        const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40);
        const classes = el.className ? `.${String(el.className).trim().split(/\s+/).join(".")}` : "";
        unseen.push(`${el.tagName.toLowerCase()}${classes} "${name}"`);
      }
    }
    before?.focus({ preventScroll: true });
    window.scrollTo(scroll[0], scroll[1]);
    return unseen;
  });
}

/** Formats violations for a failure message: rule, impact, help, then each element and what is wrong. */
export function formatViolations(label: string, violations: AxeViolation[]): string {
  const lines = [`${label}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? "?"}): ${v.help}`);
    for (const n of v.nodes) lines.push(`    ${n.target}\n      ${n.summary.replace(/\n/g, "\n      ")}`);
  }
  return lines.join("\n");
}

/**
 * Fails the test when axe-core finds any WCAG 2.2 A/AA violation on the page, or an element in the Tab order is not
 * seen when focused (`unseenFocusables`); `label` names the screen and state.
 * The failure is soft (the test goes on to the next state and fails at its end), so one run lists every finding.
 */
export async function expectNoViolations(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.error(formatViolations(label, violations));
  expect.soft(await unseenFocusables(page), `${label}: in the Tab order but not seen when focused`).toEqual([]);
  expect
    .soft(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
      formatViolations(label, violations),
    )
    .toEqual([]);
}
