import { describe, expect, it } from "vitest";
import { THEMES } from "@iot/shared/quartet/deck";

/*
 * Client modules are loaded by path at run time: tests/tsconfig.json does not
 * reference client/ (a composite project), so static imports of client files
 * would not type-check. The shapes used here are declared below.
 */
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Layout {
  seats: Rect[];
  center: Rect;
  own: Rect;
  hand: Rect[];
  handArea: Rect;
  handTiles: boolean;
}
type Selection = { target: string | null; theme: string | null };
type Step = { kind: string; target?: string; theme?: string; options?: string[] };
const load = (rel: string) => import(/* @vite-ignore */ new URL(`../../client/src/${rel}`, import.meta.url).href);
const { askStep, stepBack } = (await load("quartet/table/askFlow.ts")) as {
  askStep(view: unknown, selection: Selection): Step;
  stepBack(selection: Selection): Selection;
};
const { CARD_RATIO, handGrid, tableLayout, raisedRect, MIN_FACE_W, TILE_MIN_W, TILE_PEEK, TILE_FULL_H } = (await load(
  "quartet/table/layout.ts",
)) as {
  CARD_RATIO: number;
  MIN_FACE_W: number;
  TILE_MIN_W: number;
  TILE_PEEK: number;
  TILE_FULL_H: number;
  handGrid(width: number, height: number, n: number, maxW: number): { cells: Rect[]; tiles: boolean };
  tableLayout(width: number, height: number, opponents: number, handSize: number): Layout;
  raisedRect(cell: Rect, area: Rect, tiles: boolean): Rect;
};
const { toTableState, newEvents } = (await load("quartet/net/tableState.ts")) as {
  toTableState(view: unknown): TableState;
  newEvents(before: unknown, after: unknown): unknown[];
};
const { quartetSeatViewSchema } = await import("@iot/shared/quartet/tableSchema");
const { tableViewSchema } = await import("@iot/shared/table/view");
const { ICON_SVG } = (await load("quartet/deck/icons.ts")) as { ICON_SVG: Record<string, string> };
interface TableState {
  phase: string;
  host: string;
  turn: string;
  plan: { name: string; card: string }[];
  ranking: { name: string; place: number }[];
  settings: unknown;
  players: { name: string; hand: string[]; quartets: string[]; connected: boolean; out: boolean }[];
}

const overlap = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const SETTINGS = { missPassesTo: "asked", allowBluff: false, stockHandSize: 0, emptyHand: "out" };

/** The own seat's game view (as the shared rules make it) for seat "me", with `turn`. */
function seatView(turn = "me", allowBluff = false) {
  return {
    me: "me",
    settings: { ...SETTINGS, allowBluff },
    phase: "playing",
    turn,
    players: [
      { id: "me", seat: 0, handCount: 3, quartets: [], out: false },
      { id: "a", seat: 1, handCount: 4, quartets: ["netwerk"], out: false },
      { id: "b", seat: 2, handCount: 0, quartets: [], out: true },
      { id: "c", seat: 3, handCount: 9, quartets: [], out: false },
    ],
    hand: ["geld-1", "geld-2", "beleid-4"],
    stockCount: 0,
    history: [{ type: "dealt", handCounts: { me: 3, a: 4, b: 0, c: 9 }, stockCount: 0 }],
    picks: [{ player: "a", theme: "netwerk", card: "netwerk-2", note: "" }],
    ranking: null,
  };
}

/** The whole table view of seat "me": seats in order with names, and the game's view. */
function tableView(game: unknown = seatView()) {
  const seat = (id: string, name: string, n: number, isBot: boolean, connected = true) => ({
    id,
    name,
    seat: n,
    isBot,
    connected,
    role: "",
    regionPhase: "",
  });
  return {
    me: "me",
    host: "me",
    paused: false,
    notice: "",
    turnDeadline: 0,
    seats: [
      seat("me", "Tess", 0, false),
      seat("a", "Anna", 1, true),
      seat("b", "Bram", 2, true, false),
      seat("c", "Chris", 3, true),
    ],
    game,
  };
}

describe("the table from the seat's view", () => {
  it("passes the shared schema, and gives players by seat with names, the own hand and the plan with names", () => {
    expect(tableViewSchema(quartetSeatViewSchema).safeParse(tableView()).success).toBe(true);
    const state = toTableState(tableView());
    expect(state.players.map((p) => p.name)).toEqual(["Tess", "Anna", "Bram", "Chris"]);
    expect(state.players[0]?.hand).toEqual(["geld-1", "geld-2", "beleid-4"]);
    expect(state.players[1]?.quartets).toEqual(["netwerk"]);
    expect(state.players[2]?.connected).toBe(false);
    expect(state.players[2]?.out).toBe(true);
    expect(state.plan).toEqual([expect.objectContaining({ name: "Anna", card: "netwerk-2" })]);
    expect(state.turn).toBe("me");
  });

  it("is waiting before the deal, with the seats already there", () => {
    const state = toTableState(tableView(null));
    expect(state.phase).toBe("waiting");
    expect(state.players.map((p) => p.name)).toEqual(["Tess", "Anna", "Bram", "Chris"]);
    expect(state.settings).toBeNull();
  });

  it("refuses a view with unknown card ids", () => {
    const bad = { ...seatView(), hand: ["geld-9"] };
    expect(tableViewSchema(quartetSeatViewSchema).safeParse(tableView(bad)).success).toBe(false);
  });
});

describe("asking: player, theme you hold, card you miss", () => {
  const view = seatView();

  it("offers only players with cards, themes held and not laid, and cards not held", () => {
    const step = askStep(view, { target: null, theme: null });
    expect(step).toEqual({ kind: "player", options: ["a", "c"] });
    expect(askStep(view, { target: "a", theme: null })).toEqual({
      kind: "theme",
      target: "a",
      options: ["geld", "beleid"],
    });
    expect(askStep(view, { target: "a", theme: "geld" })).toEqual({
      kind: "card",
      target: "a",
      theme: "geld",
      options: ["geld-3", "geld-4"],
    });
  });

  it("falls back when a choice is not legal (empty hand, theme not held, not the own turn)", () => {
    expect(askStep(view, { target: "b", theme: "geld" }).kind).toBe("player");
    expect(askStep(view, { target: "a", theme: "netwerk" }).kind).toBe("theme");
    const notMine = seatView("a");
    expect(askStep(notMine, { target: "a", theme: "geld" }).kind).toBe("idle");
    expect(stepBack({ target: "a", theme: "geld" })).toEqual({ target: "a", theme: null });
    expect(stepBack({ target: "a", theme: null })).toEqual({ target: null, theme: null });
  });

  it("offers themes not held when the table allows a bluff", () => {
    const bluff = seatView("me", true);
    const step = askStep(bluff, { target: "a", theme: null });
    expect(step.kind === "theme" && step.options).toEqual(["beleven", "kennisoverdracht", "geld", "beleid"]);
  });
});

describe("events between two views", () => {
  it("are what the newer history adds, without the deal", () => {
    const before = tableView();
    const asked = { type: "asked", from: "me", to: "a", card: "geld-3", got: true };
    const after = tableView({ ...seatView(), history: [...seatView().history, asked] });
    expect(newEvents(before, after)).toEqual([asked]);
    expect(newEvents(after, after)).toEqual([]);
    expect(newEvents(after, before)).toEqual([]);
  });
});

describe("table layout", () => {
  const sizes = [
    [360, 470],
    [768, 860],
    [1366, 620],
    [1460, 1016],
  ] as const;

  for (const [w, h] of sizes) {
    it(`keeps every card, seat and area apart and inside the stage at ${w}x${h}`, () => {
      for (const opponents of [1, 3, 5]) {
        for (const cards of [1, 5, 10, 14]) {
          const l = tableLayout(w, h, opponents, cards);
          expect(l.hand).toHaveLength(cards);
          for (const [i, c] of l.hand.entries()) {
            expect(c.x).toBeGreaterThanOrEqual(0);
            expect(c.x + c.w).toBeLessThanOrEqual(w);
            expect(c.y + c.h).toBeLessThanOrEqual(h + 0.5);
            if (l.handTiles) expect(c.w).toBeGreaterThanOrEqual(Math.min(TILE_MIN_W, w - 20));
            else expect(Math.abs(c.h / c.w - CARD_RATIO)).toBeLessThan(0.03);
            if (!l.handTiles) expect(c.w).toBeGreaterThanOrEqual(MIN_FACE_W);
            for (const s of l.seats) expect(overlap(c, s)).toBe(false);
            for (const d of l.hand.slice(i + 1)) {
              // Portrait faces never overlap; tiles of a crowded hand overlap like a fan, each keeping its top band visible.
              if (!l.handTiles) expect(overlap(c, d)).toBe(false);
              else if (overlap(c, d)) expect(d.y - c.y).toBeGreaterThanOrEqual(TILE_PEEK - 1);
            }
            const up = raisedRect(c, l.handArea, l.handTiles);
            expect(up.y).toBeGreaterThanOrEqual(0);
            expect(up.y + up.h).toBeLessThanOrEqual(l.handArea.y + l.handArea.h + 0.5);
            if (l.handTiles) expect(up.h).toBe(TILE_FULL_H);
          }
          for (const [i, s] of l.seats.entries())
            for (const t of l.seats.slice(i + 1)) expect(overlap(s, t)).toBe(false);
          expect(overlap(l.center, l.own)).toBe(false);
        }
      }
    });
  }

  it("lays a phone's hand as tiles in two columns, 160 px or wider, whole when they fit and raised whole", () => {
    // 360x323: the stage of a 360x640 phone with the ask panel open; 360x520 with it closed.
    for (const [w, h] of [
      [360, 323],
      [360, 520],
    ] as const) {
      for (const n of [3, 5, 8]) {
        const l = tableLayout(w, h, 3, n);
        expect(l.handTiles).toBe(true);
        expect(l.hand.filter((c) => c.y === l.hand[0]?.y)).toHaveLength(2);
        for (const c of l.hand) expect(c.w).toBeGreaterThanOrEqual(TILE_MIN_W);
        const last = l.hand[n - 1] as Rect;
        expect(raisedRect(last, l.handArea, true).h).toBe(TILE_FULL_H);
      }
    }
    expect(handGrid(300, 200, 0, 100).cells).toEqual([]);
  });
});

describe("deck looks", () => {
  it("bundles the Lucide icon of every theme", () => {
    for (const theme of THEMES) expect(ICON_SVG[theme.icon], theme.icon).toMatch(/^[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
  });
});

const { workshopNl, workshopEn } = (await load("i18n/workshop.ts")) as {
  workshopNl: Record<string, string>;
  workshopEn: Record<string, string>;
};

describe("workshop texts", () => {
  const slots = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it("has every text in Dutch and English, with the same placeholders", () => {
    expect(Object.keys(workshopEn).sort()).toEqual(Object.keys(workshopNl).sort());
    for (const [key, nl] of Object.entries(workshopNl)) {
      const en = workshopEn[key] ?? "";
      expect(en.trim(), key).not.toBe("");
      expect(slots(en), key).toEqual(slots(nl));
    }
  });
});
