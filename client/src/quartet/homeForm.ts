/** The home form's values, remembered in this browser between visits. */
import { defaultStockHandSize } from "@iot/shared/quartet/settings";
import type { TableSettings } from "@iot/shared/quartet/types";
import { BOT_LEVELS, REGION_PHASES, ROLES, type BotLevel, type RegionPhase, type Role } from "../net/constants.js";

const FORM_KEY = "iot.home";

export interface HomeForm {
  name: string;
  role: Role | "";
  phase: RegionPhase | "";
  seats: number;
  /** Seats of a friends' table (its empty ones get bots at the start). */
  friendSeats: number;
  botLevel: BotLevel;
  missPassesTo: "asked" | "next";
  allowBluff: boolean;
  stock: boolean;
  emptyHandDraw: boolean;
  code: string;
}

const DEFAULTS: HomeForm = {
  name: "",
  role: "",
  phase: "",
  seats: 4,
  friendSeats: 4,
  botLevel: "medium",
  missPassesTo: "asked",
  allowBluff: false,
  stock: false,
  emptyHandDraw: false,
  code: "",
};

/** The remembered form (defaults for anything missing or invalid); a `?code=` in the address fills the code. */
export function loadHomeForm(): HomeForm {
  let stored: Partial<HomeForm>;
  try {
    stored = (JSON.parse(localStorage.getItem(FORM_KEY) ?? "{}") as Partial<HomeForm> | null) ?? {};
  } catch {
    stored = {};
  }
  const form: HomeForm = { ...DEFAULTS };
  if (typeof stored.name === "string") form.name = stored.name.slice(0, 24);
  if ((ROLES as readonly unknown[]).includes(stored.role)) form.role = stored.role as Role;
  if ((REGION_PHASES as readonly unknown[]).includes(stored.phase)) form.phase = stored.phase as RegionPhase;
  if (Number.isInteger(stored.seats) && (stored.seats as number) >= 2 && (stored.seats as number) <= 6) {
    form.seats = stored.seats as number;
  }
  if (
    Number.isInteger(stored.friendSeats) &&
    (stored.friendSeats as number) >= 2 &&
    (stored.friendSeats as number) <= 6
  ) {
    form.friendSeats = stored.friendSeats as number;
  }
  if ((BOT_LEVELS as readonly unknown[]).includes(stored.botLevel)) form.botLevel = stored.botLevel as BotLevel;
  if (stored.missPassesTo === "next") form.missPassesTo = "next";
  form.allowBluff = stored.allowBluff === true;
  form.stock = stored.stock === true;
  form.emptyHandDraw = stored.emptyHandDraw === true;
  const code = new URLSearchParams(location.search).get("code");
  if (code) form.code = code;
  return form;
}

/** Remembers the form (except the code, which belongs to one workshop). */
export function saveHomeForm(form: HomeForm): void {
  try {
    localStorage.setItem(FORM_KEY, JSON.stringify({ ...form, code: "" }));
  } catch {
    // ignore: the form then starts empty next time
  }
}

/** The house rules the form asks for at a table of `seats` (the bots' table's unless given; only what differs from the defaults). */
export function homeRules(form: HomeForm, seats = form.seats): Partial<TableSettings> {
  const rules: Partial<TableSettings> = {};
  if (form.missPassesTo === "next") rules.missPassesTo = "next";
  if (form.allowBluff) rules.allowBluff = true;
  if (form.stock || seats === 2) {
    rules.stockHandSize = defaultStockHandSize(seats);
    if (form.emptyHandDraw) rules.emptyHand = "draw";
  }
  return rules;
}
