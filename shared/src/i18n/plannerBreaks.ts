import type { Lang } from "../protocol.js";
import type { DrivingBreach } from "../planner/evaluate.js";
import type { BreakTaken } from "../planner/solver/breaks.js";

type BreakKey = "break" | "break-road" | "break-stop" | "breach" | DrivingBreach["code"];

/**
 * The drivers' breaks and driving-time breaches as a planner reads them
 * (`solver/breaks.ts`, docs/planner-game.md); `{{…}}` are filled by
 * {@link breakText} and {@link drivingBreachText}, names as plain text.
 */
export const plannerBreakTexts: Record<Lang, Record<BreakKey, string>> = {
  nl: {
    break: "Pauze",
    "break-road": "Pauze van {{minutes}} min om {{start}}, onderweg",
    "break-stop": "Pauze van {{minutes}} min om {{start}}, bij de klant",
    breach: "Rijtijdovertreding",
    DAILY_DRIVING:
      "{{vehicle}} rijdt {{minutes}} min langer dan de 9 uur per dag die de EU toestaat (verordening 561/2006). Verdeel de stops over meer wagens.",
    BREAKS_AFTER_DAY_END:
      "Met de verplichte pauzes is {{vehicle}} pas {{minutes}} min na sluiting terug bij het DC. Haal een stop van deze rit af.",
  },
  en: {
    break: "Break",
    "break-road": "Break of {{minutes}} min at {{start}}, on the road",
    "break-stop": "Break of {{minutes}} min at {{start}}, at a stop",
    breach: "Driving-time breach",
    DAILY_DRIVING:
      "{{vehicle}} drives {{minutes}} min more than the 9 hours a day the EU allows (Regulation 561/2006). Spread the stops over more trucks.",
    BREAKS_AFTER_DAY_END:
      "With its mandatory breaks {{vehicle}} is back at the DC only {{minutes}} min after closing. Take a stop off this route.",
  },
};

/** "hh:mm" for minutes after midnight. */
const clock = (m: number): string => {
  const whole = Math.round(m);
  return `${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}`;
};

const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ""));

/** One break in words, in `lang`: its length, when, and whether on the road or at a stop. */
export function breakText(b: BreakTaken, lang: Lang): string {
  return fill(plannerBreakTexts[lang][b.onRoad ? "break-road" : "break-stop"], {
    minutes: Math.round(b.minutes),
    start: clock(b.start),
  });
}

/** One breach of the driving-time rules in words, in `lang`; `vehicle` names the truck as the desk shows it. */
export function drivingBreachText(vehicle: string, b: DrivingBreach, lang: Lang): string {
  return fill(plannerBreakTexts[lang][b.code], { vehicle, minutes: Math.round(b.minutes) });
}
