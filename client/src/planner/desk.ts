/**
 * What the desk's panels share: the desk's own state between redraws, the
 * connection and the ways to act on it, and the small pieces every panel
 * draws (times, amounts, towns, buttons, drag grips). Each panel is a module
 * of its own (header, key figures, routes, orders, assistant, exchange,
 * standings and results); PlannerScreen.ts lays them out.
 */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import type { Plan } from "@iot/shared/planner/evaluate";
import type { PreviewPayload } from "@iot/shared/planner/protocol";
import { TOWNS } from "@iot/shared/planner/region";
import { VEHICLES } from "@iot/shared/planner/vehicles";
import gripSvg from "lucide-static/icons/grip-vertical.svg?raw";
import { h, type ComponentChildren, type JSX } from "preact";
import { lang, t } from "../i18n/index.js";
import type { Land } from "./map.js";
import type { PlannerConnection, PlannerTableState } from "./plannerConnection.js";

/** The desk's own state, kept between redraws (what the room does not know). */
export interface DeskUi {
  /** A question to the assistant is under way. */
  thinking: boolean;
  /** The last exchange preview the planner asked for (shown with its offer). */
  preview: PreviewPayload | null;
  /** Draw the assistant's proposal over the map. */
  showProposal: boolean;
  /** The region's outline once loaded. */
  land: Land | null;
  /** Alerts shown in the header (the last three). */
  readonly alerts: string[];
  /** What the driver said about an order's floor, by order ("" while the answer is on its way). */
  readonly floorNotes: Map<string, string>;
  /** The truck chosen in an unplanned order's list (the first one until the planner picks another). */
  readonly chosenTruck: Map<string, string>;
  /** The order chosen by a tap, waiting for a tap on a truck (null: none). */
  picked: string | null;
  /** The part of the desk a phone shows (a wider screen shows them all). */
  tab: DeskTab;
  /** How the unplanned orders are sorted and filtered. */
  readonly filter: OrderFilter;
}

/** The parts of the desk a phone shows one at a time. */
export type DeskTab = "map" | "trucks" | "orders";

/** The unplanned list's order and filter: by town id ("" all), due by (minutes after midnight, 0 any), at least pallets. */
export interface OrderFilter {
  sort: "ready" | "due" | "town" | "pallets";
  town: string;
  dueBy: number;
  minPallets: number;
}

/** A desk's connection, state and actions, as the panels use them. */
export interface Desk {
  readonly conn: PlannerConnection;
  readonly ui: DeskUi;
  /** Sends a new plan to the room. */
  send(plan: Plan): void;
  /** Draws the desk again. */
  render(): void;
  /** Leaves the desk (with a message for the first screen). */
  home(message?: string): void;
  /** Asks the driver about an order's floor. */
  reveal(order: string): void;
  /** Chooses an order by a tap (null: none), for a tap on a truck next. */
  pick(order: string | null): void;
  /** Puts the chosen order last on `vehicle` (null: off its truck); nothing without a chosen order. */
  place(vehicle: string | null): void;
}

/** The room's state the desk draws. */
export type DeskState = PlannerTableState;

/** Minutes after midnight as "08:05". */
export const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(Math.round(m % 60)).padStart(2, "0")}`;

/** A whole amount (euros, km, kg) in the language's digit grouping. */
export const eur = (x: number): string => Math.round(x).toLocaleString(lang() === "nl" ? "nl-NL" : "en-GB");

/** A town's name from its id (the id when unknown). */
export const townName = (id: string): string => TOWNS.find((x) => x.id === id)?.name ?? id;

const GRIP = { __html: gripSvg.replace(/<!--[\s\S]*?-->/g, "") };

/** A truck's short name: "Wagen 2", by its place in the carrier's fleet (from 1); the id when unknown. */
export function truckName(c: CarrierView, id: string): string {
  const i = c.scenario.fleet.findIndex((v) => v.id === id);
  return i < 0 ? id : t("pl.board.truck", { n: i + 1 });
}

/** A truck as a planner reads it: "Wagen 2 · elektrisch · 16 pallets · 250 km" (range only when limited). */
export function truckTitle(c: CarrierView, id: string): string {
  const v = c.scenario.fleet.find((x) => x.id === id);
  if (!v) return id;
  const spec = VEHICLES[v.type];
  const title = t("pl.board.truckTitle", {
    name: truckName(c, id),
    kind: t(`pl.board.kinds.${v.type}`),
    pallets: spec.capacityPallets,
  });
  return Number.isFinite(spec.rangeKm) ? t("pl.board.truckRange", { title, km: spec.rangeKm }) : title;
}

/** The drag grip in front of a list line (see drag.ts). */
export const grip = (id: string, label: string): JSX.Element =>
  h("span", {
    className: "grip",
    "data-drag-order": id,
    "data-drag-label": label,
    "aria-hidden": "true",
    dangerouslySetInnerHTML: GRIP,
  });

/** A button with a stable key (also as `data-key`, which the tests use). */
export const button = (
  key: string,
  label: ComponentChildren,
  onClick: () => void,
  extra: { className?: string; disabled?: boolean } = {},
): JSX.Element => h("button", { type: "button", key, "data-key": key, onClick, ...extra }, label);

/** The time left of a round ending at `endsAt` (epoch ms), as text. */
export const timeLeft = (endsAt: number): string => {
  const s = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
  return t("pl.timeLeft", { time: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}` });
};

/** What the driver said about order `id` (asked now or earlier), or null when nobody asked yet. */
export function floorNote(desk: Desk, c: CarrierView, id: string): string | null {
  const asked = desk.ui.floorNotes.get(id);
  if (asked !== undefined) return asked;
  if (!c.revealed.includes(id)) return null;
  const known = c.scenario.orders.find((o) => o.id === id)?.floor;
  return known ? t("pl.floor", { text: known.text[lang()] }) : t("pl.noFloor");
}

/** The order's line as a button: a tap chooses it for a tap on a truck (again: chosen no more). */
export function pickButton(desk: Desk, id: string, text: string): JSX.Element {
  const picked = desk.ui.picked === id;
  return h(
    "button",
    {
      type: "button",
      key: `pick-${id}`,
      "data-key": `pick-${id}`,
      className: `order-pick${picked ? " picked" : ""}`,
      "aria-pressed": picked,
      title: t("pl.board.pick", { order: text }),
      onClick: () => desk.pick(picked ? null : id),
    },
    text,
  );
}
