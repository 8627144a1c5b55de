import { pick, type Rng } from "../rng.js";
import { CORRIDORS, type Corridor } from "./region.js";
import { hm, type Disruption, type FleetVehicle, type Order } from "./scenario.js";

/**
 * What a disruption takes from the day: a vehicle (`breakdown`,
 * `driver-absent`), the orders' shape (`rush-order`, `window-change`) or the
 * roads' speed (`traffic-jam`, `road-closure`). The two kinds of a class
 * weigh about the same, so a day draws its kinds within a class.
 */
export type DisruptionClass = "vehicle" | "order" | "road";

/** The catalogue: per class, the kinds a day may draw, each equally likely. */
export const DISRUPTION_CATALOGUE = {
  vehicle: ["breakdown", "driver-absent"],
  order: ["rush-order", "window-change"],
  road: ["traffic-jam", "road-closure"],
} as const satisfies Record<DisruptionClass, readonly Disruption["kind"][]>;

/**
 * Per difficulty (1-4), how many disruptions of each class a day brings:
 * every day of a difficulty has the same count in every class (3, 4, 5 and
 * 6 in all), so parallel days of one difficulty are equally hard up to the
 * draw within a class. A game assumption, to be checked with
 * `npm run calibrate:planner`.
 */
export const DISRUPTION_MIX: Readonly<Record<1 | 2 | 3 | 4, Readonly<Record<DisruptionClass, number>>>> = {
  1: { vehicle: 1, order: 1, road: 1 },
  2: { vehicle: 1, order: 1, road: 2 },
  3: { vehicle: 2, order: 1, road: 2 },
  4: { vehicle: 2, order: 2, road: 2 },
};

/**
 * When each kind comes, minutes after midnight: drawn in steps of
 * {@link TIME_STEP_MIN} from `from` to `to` (both included). A driver calls
 * in sick before the day is under way; the rest comes while trucks are out.
 */
export const DISRUPTION_TIMES: Readonly<Record<Disruption["kind"], { from: number; to: number }>> = {
  "driver-absent": { from: hm(6, 30), to: hm(7, 30) },
  breakdown: { from: hm(9), to: hm(13) },
  "rush-order": { from: hm(9), to: hm(12, 30) },
  "window-change": { from: hm(8), to: hm(11) },
  "traffic-jam": { from: hm(7, 30), to: hm(14) },
  "road-closure": { from: hm(8), to: hm(12) },
};
/** The step of the disruptions' times, minutes. */
export const TIME_STEP_MIN = 15;

/** How long a traffic jam lasts (minutes) and how much slower legs on its corridor are (a game assumption). */
export const JAM = { minutes: 90, factor: 2 } as const;
/** How long a closed town centre stays closed (minutes) and how much slower its detour makes legs to and from it. */
export const CLOSURE = { minutes: 120, factor: 2 } as const;
/** A rush order can be delivered from this many minutes after it comes in, for {@link RUSH_WINDOW_MIN} minutes. */
export const RUSH_LEAD_MIN = 30;
/** How long a rush order's window is, minutes (from {@link RUSH_LEAD_MIN} after it comes in; a game assumption). */
export const RUSH_WINDOW_MIN = 240;
/** A customer who changes its window moves it this many minutes later (one of them), keeping its length. */
export const WINDOW_SHIFTS_MIN = [120, 150, 180] as const;
/** A window this long or longer is the whole working day: its customer does not move it (minutes). */
export const ALL_DAY_WINDOW_MIN = hm(17) - hm(7);
/** A moved window ends no later than this (minutes after midnight): 18:00, an hour before the day ends. */
export const LATEST_DUE = hm(18);

/** What the day the disruptions come to is made of. */
export interface DisruptionDay {
  orders: readonly Order[];
  fleet: readonly FleetVehicle[];
  /** A new order with the id given (a rush order's town, pallets and customer), drawn from the day's own rules. */
  newOrder: (id: string) => Order;
}

/** One item drawn with probability proportional to its whole-number weight (all weights 0: uniformly). */
export function weightedPick<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((a, x) => a + weight(x), 0);
  if (total <= 0) return pick(rng, items);
  let r = rng.int(1, total);
  for (const x of items) {
    r -= weight(x);
    if (r <= 0) return x;
  }
  return items[items.length - 1] as T;
}

const timeOf = (rng: Rng, kind: Disruption["kind"]): number => {
  const band = DISRUPTION_TIMES[kind];
  return band.from + TIME_STEP_MIN * rng.int(0, Math.floor((band.to - band.from) / TIME_STEP_MIN));
};

const ordersBeyond = (c: Corridor, orders: readonly Order[]) => orders.filter((o) => c.far.includes(o.town)).length;

/**
 * The day's disruptions, the same for the same draws of `rng`: per class of
 * {@link DISRUPTION_MIX} for `difficulty`, that many kinds drawn from the
 * class's two in {@link DISRUPTION_CATALOGUE}, each at a time drawn in its
 * band ({@link DISRUPTION_TIMES}), on:
 *
 * - a vehicle drawn from the fleet (never one already out);
 * - a rush order from `day.newOrder` (ids `rush-1`, `rush-2`), deliverable
 *   from {@link RUSH_LEAD_MIN} after it comes in for {@link RUSH_WINDOW_MIN};
 * - a window change on an order whose window has not opened by then, moved
 *   later by one of {@link WINDOW_SHIFTS_MIN} (ending by {@link LATEST_DUE});
 *   a day without such an order gets a rush order instead;
 * - a jam ({@link JAM}) on a corridor drawn in proportion to the day's orders
 *   at its far end (`region.ts` `CORRIDORS`);
 * - a closed town centre ({@link CLOSURE}) in a town drawn in proportion to
 *   the day's orders there.
 *
 * Sorted by time.
 */
export function drawDisruptions(rng: Rng, difficulty: 1 | 2 | 3 | 4, day: DisruptionDay): Disruption[] {
  const mix = DISRUPTION_MIX[difficulty];
  const out: Disruption[] = [];
  const vehiclesOut = new Set<string>();
  const changed = new Set<string>();
  let rushes = 0;
  const rush = (at: number): Disruption => {
    rushes += 1;
    // A rush order comes in by phone: nobody on the floor knows anything about it yet.
    const { floor: _none, ...fresh } = day.newOrder(`rush-${rushes}`);
    const order = { ...fresh, ready: at + RUSH_LEAD_MIN, due: at + RUSH_LEAD_MIN + RUSH_WINDOW_MIN };
    return { at, kind: "rush-order", order };
  };
  for (const cls of ["vehicle", "order", "road"] as const) {
    for (let i = 0; i < mix[cls]; i++) {
      const kind = pick(rng, DISRUPTION_CATALOGUE[cls]);
      const at = timeOf(rng, kind);
      if (kind === "breakdown" || kind === "driver-absent") {
        const free = day.fleet.filter((v) => !vehiclesOut.has(v.id));
        if (free.length <= 1) continue;
        const v = pick(rng, free);
        vehiclesOut.add(v.id);
        out.push({ at, kind, vehicle: v.id });
      } else if (kind === "rush-order") {
        out.push(rush(at));
      } else if (kind === "window-change") {
        const open = day.orders.filter(
          (o) => o.ready > at && !changed.has(o.id) && o.due - o.ready < ALL_DAY_WINDOW_MIN,
        );
        if (open.length === 0) {
          out.push(rush(at));
          continue;
        }
        const o = pick(rng, open);
        changed.add(o.id);
        const length = o.due - o.ready;
        const due = Math.min(LATEST_DUE, o.due + pick(rng, WINDOW_SHIFTS_MIN));
        out.push({ at, kind, order: o.id, ready: due - length, due });
      } else if (kind === "traffic-jam") {
        const c = weightedPick(rng, CORRIDORS, (x) => ordersBeyond(x, day.orders));
        const from = c.near[0] as string;
        const to = c.far[0] as string;
        out.push({ at, kind, from, to, corridor: c.id, factor: JAM.factor, until: at + JAM.minutes });
      } else {
        const towns = [...new Set(day.orders.map((o) => o.town))];
        const town = weightedPick(rng, towns, (t) => day.orders.filter((o) => o.town === t).length);
        out.push({ at, kind, town, factor: CLOSURE.factor, until: at + CLOSURE.minutes });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
