/**
 * What the desk's panels share: the desk's own state between redraws, the
 * connection and the ways to act on it, and the small pieces every panel
 * draws (times, amounts, towns, buttons, drag grips). Each panel is a module
 * of its own (header, key figures, routes, orders, assistant, exchange,
 * standings and results); PlannerScreen.ts lays them out.
 */
import type { Plan } from "@iot/shared/planner/evaluate";
import { TOWNS } from "@iot/shared/planner/region";
import gripSvg from "lucide-static/icons/grip-vertical.svg?raw";
import { h, type ComponentChildren, type JSX } from "preact";
import { lang, t } from "../i18n/index.js";
import type { Land } from "./map.js";
import type { PlannerConnection, PlannerTableState } from "./plannerConnection.js";

/** The desk's own state, kept between redraws (what the room does not know). */
export interface DeskUi {
  /** A question to the assistant is under way. */
  thinking: boolean;
  /** The last exchange preview, as text. */
  previewText: string;
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
