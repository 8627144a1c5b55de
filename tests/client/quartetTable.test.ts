// Callbacks passed to page.evaluate run in the browser.
/// <reference lib="dom" />
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CardId } from "@iot/shared/quartet/cardIds";
import { card } from "@iot/shared/quartet/deck";
import { BOT_NAMES } from "@iot/shared/table/botNames";
import { answerPick, expectNoProblems, quickPlay } from "./driver.js";
import { ARTIFACTS, startHarness, type Harness } from "./harness.js";

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the table reports and shows, in page pixels: the last ask's box, the stacks, the last quartet moment's area, the seats and the hand. */
interface Seen {
  lastAsk: { from: string; to: string; card: string; box: Box } | null;
  stacks: { owner: string; theme: string; box: Box }[];
  quartetArea: Box | null;
  seats: { id: string; text: string; box: Box }[];
  hand: Box[];
  log: string[];
  stageWidth: number;
}

async function look(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>(".canvas-host") as HTMLElement;
    const o = host.getBoundingClientRect();
    const box = (parts: string[]) => {
      const [x, y, w, h] = parts.map(Number) as [number, number, number, number];
      return { x: x + o.x, y: y + o.y, w, h };
    };
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const ask = (host.dataset.lastAsk ?? "").split(" ").filter(Boolean);
    const area = (host.dataset.quartetArea ?? "").split(" ").filter(Boolean);
    return {
      lastAsk:
        ask.length === 7 ? { from: ask[0] ?? "", to: ask[1] ?? "", card: ask[2] ?? "", box: box(ask.slice(3)) } : null,
      stacks: (host.dataset.stacks ?? "")
        .split(";")
        .filter(Boolean)
        .map((s) => {
          const [owner = "", theme = "", ...r] = s.split(" ");
          return { owner, theme, box: box(r) };
        }),
      quartetArea: area.length === 4 ? box(area) : null,
      seats: [...document.querySelectorAll<HTMLElement>(".seat-layer .seat-hit")].map((el) => ({
        id: el.dataset.seat ?? "",
        text: el.innerText,
        box: rect(el),
      })),
      hand: [...document.querySelectorAll(".hand-layer .card-hit")].map(rect),
      log: [...document.querySelectorAll(".log-list li")].map((li) => li.textContent ?? ""),
      stageWidth: o.width,
    };
  });
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.w <= b.x + b.w + 1 && a.y + a.h <= b.y + b.h + 1;
const plain = (s: string) => s.replace(/[\u2068\u2069]/g, "");

/** Presses one offered choice of the ask panel when it is the player's turn; answers a pick; "end" at the end screen. */
async function step(page: Page, r: number): Promise<string> {
  if (await answerPick(page).catch(() => false)) return "pick";
  return page.evaluate((r) => {
    if (document.querySelector("[data-end]")) return "end";
    const s = document.querySelector(".ask-panel")?.getAttribute("data-step") ?? "";
    if (s !== "player" && s !== "theme" && s !== "card") return "wait";
    const options = [...document.querySelectorAll<HTMLButtonElement>(".ask-panel .ask-options button")].filter(
      (b) => !b.disabled,
    );
    const choice = options[Math.floor(r * options.length)];
    if (!choice) return "wait";
    choice.click();
    return s === "card" ? "asked" : "chose";
  }, r);
}

describe("the quartet table tells the story", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  for (const size of [
    { width: 1920, height: 1080, name: "1920x1080" },
    { width: 360, height: 640, name: "360x640" },
  ]) {
    it(`the last ask in the middle, quartets stacked by their owners, the quartet moment above the hand (${size.name})`, async () => {
      const { page, context, problems } = await harness.open(
        { width: size.width, height: size.height },
        size.width < 600 ? { deviceScaleFactor: 2, hasTouch: true } : {},
      );
      await quickPlay(page, harness.url, "Tess", 4);
      // The bots have Dutch first names and are said to be computer players.
      const first = await look(page);
      expect(first.seats).toHaveLength(3);
      for (const seat of first.seats) {
        const name = plain(seat.text).split(" (computer)")[0] ?? "";
        expect(BOT_NAMES).toContain(name);
        expect(seat.text).toContain("(computer)");
      }
      let seen = first;
      let checkedAsk = false;
      let areas = 0;
      let lastArea = "";
      let x = 7;
      const rnd = () => {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        return x / 2 ** 31;
      };
      for (let n = 0; n < 4000; n++) {
        const done = await step(page, rnd());
        if (done === "end") break;
        seen = await look(page);
        if (!checkedAsk && seen.lastAsk) {
          // The canvas draws on the next frame, the log at once: read again until both show the same last ask.
          const asked = (s: Seen) => [...s.log].reverse().find((l) => l.includes("Mag ik van")) ?? "";
          const same = (s: Seen) => !!s.lastAsk && asked(s).includes(card(s.lastAsk.card as CardId).title.nl);
          for (let i = 0; i < 20 && !same(seen); i++) {
            await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
            seen = await look(page);
          }
          // The middle shows the last ask: between the seats and the hand, across the middle, naming the card that the log's last question names.
          const ask = seen.lastAsk as NonNullable<Seen["lastAsk"]>;
          await page.screenshot({ path: path.join(ARTIFACTS, `table-centre-${size.name}.png`) });
          const seatsBottom = Math.max(...seen.seats.map((s) => s.box.y + s.box.h));
          const handTop = Math.min(...seen.hand.map((h) => h.y));
          expect(ask.box.y).toBeGreaterThanOrEqual(seatsBottom - 1);
          expect(ask.box.y + ask.box.h).toBeLessThanOrEqual(handTop);
          expect(ask.box.w).toBeGreaterThan(seen.stageWidth * 0.8);
          const title = card(ask.card as CardId).title.nl;
          const question = [...seen.log].reverse().find((l) => l.includes("Mag ik van")) ?? "";
          expect(question).toContain(title);
          const names = [ask.from, ask.to].map((id) => seen.seats.find((s) => s.id === id));
          const named = names.filter(Boolean).map((s) => plain(s?.text ?? "").split(" (computer)")[0] ?? "");
          for (const name of named) expect(plain(question)).toContain(name);
          checkedAsk = true;
        }
        // A quartet moment plays: its area never over a card of the hand as it is on screen.
        const area = JSON.stringify(seen.quartetArea);
        if (seen.quartetArea && area !== lastArea) {
          lastArea = area;
          areas++;
          for (const h of seen.hand)
            expect(overlap(seen.quartetArea, h), `${area} over ${JSON.stringify(h)}`).toBe(false);
          if (areas === 1) await page.screenshot({ path: path.join(ARTIFACTS, `table-quartet-${size.name}.png`) });
        }
        if (checkedAsk && areas > 0 && seen.stacks.length > 0) break;
        if (done === "wait") await page.waitForTimeout(40);
      }
      expect(checkedAsk).toBe(true);
      // A quartet was laid: its moment played above the own hand, never over it (checked as it started).
      expect(areas).toBeGreaterThan(0);
      // Each laid quartet lies as a stack before its owner: in the owner's seat, or (the own) below the middle, above the hand.
      expect(seen.stacks.length).toBeGreaterThan(0);
      // A card under the pointer is drawn whole and may reach over the own strip while raised: the pointer leaves the hand and the table is read as it lies.
      await page.mouse.move(1, 1);
      await page.waitForFunction(() => !document.querySelector(".hand-layer .card-hit.raised"));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      seen = await look(page);
      const handTop = Math.min(...seen.hand.map((h) => h.y), size.height);
      const seatsBottom = Math.max(...seen.seats.map((x) => x.box.y + x.box.h));
      for (const s of seen.stacks) {
        const seat = seen.seats.find((x) => x.id === s.owner);
        if (seat) expect(inside(s.box, seat.box), `${s.theme} in ${seat.id}'s seat`).toBe(true);
        else {
          expect(s.box.y + s.box.h).toBeLessThanOrEqual(handTop + 1);
          expect(s.box.y).toBeGreaterThanOrEqual(seatsBottom);
        }
        if (seat) expect(plain(seat.text)).toMatch(/kwartetten: /);
      }
      while (await answerPick(page).catch(() => false)) await page.waitForTimeout(100);
      await page.screenshot({ path: path.join(ARTIFACTS, `table-stacks-${size.name}.png`) });
      expectNoProblems(problems);
      await context.close();
    });
  }
});
