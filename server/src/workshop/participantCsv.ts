import { reportTexts } from "@iot/shared/i18n/reports";
import { REGION_PHASES, ROLES, type Lang } from "@iot/shared/protocol";
import { card as cardInfo } from "@iot/shared/quartet/deck";
import { isCardId } from "@iot/shared/quartet/cardIds";
import type { Debrief } from "@iot/shared/workshop/debrief";
import { safeCsv } from "./exportSafety.js";
import { plannerCsv } from "./plannerDebrief.js";
import type { ReportContext } from "./reportContext.js";

/** Columns of the quartet's rows per participant and table. */
export const PARTICIPANT_CSV_COLUMNS = [
  "table",
  "table_status",
  "name",
  "player",
  "role",
  "region_phase",
  "place",
  "quartets",
  "picks",
  "cards",
  "notes",
] as const;

/**
 * One row per player and table of a quartet workshop, for sorting in a
 * spreadsheet: the table and its status, the name, whether a participant or
 * a bot played (`player`), role and region phase in the workshop's language,
 * place and quartets (numbers; blank while the table plays), how many picks
 * and which cards (titles, " | " between) with their notes. A participant
 * seated at a table that has no result yet has a row with the places blank;
 * one not seated has no row. A planner workshop's rows are one per planner
 * per round (`plannerCsv`). Excel-safe ({@link safeCsv}: formulas
 * neutralised, UTF-8 BOM).
 */
export function participantCsv(d: Debrief, ctx: ReportContext): string {
  if (d.workshop.game === "planner") return plannerCsv(d);
  const lang: Lang = d.workshop.lang === "en" ? "en" : "nl";
  const tx = reportTexts[lang];
  const role = (r: string) => ((ROLES as readonly string[]).includes(r) ? tx.roles[r as (typeof ROLES)[number]] : r);
  const phase = (p: string) =>
    (REGION_PHASES as readonly string[]).includes(p) ? tx.phases[p as (typeof REGION_PHASES)[number]] : p;
  const rows: (string | number)[][] = [];
  for (const t of d.tables) {
    const seated = ctx.participants.filter((p) => p.table === t.number);
    const names = [...new Set([...t.ranking.map((r) => r.name), ...seated.map((p) => p.name)])];
    for (const name of names) {
      const result = t.ranking.find((r) => r.name === name);
      const person = seated.find((p) => p.name === name);
      const picks = t.plan.filter((p) => p.name === name);
      rows.push([
        t.number,
        t.status,
        name,
        result?.isBot ? tx.bot : tx.human,
        person ? role(person.role) : "",
        person ? phase(person.phase) : "",
        result?.place ?? "",
        result?.quartets ?? "",
        picks.length,
        picks.map((p) => (isCardId(p.card) ? cardInfo(p.card).title[lang] : p.card)).join(" | "),
        picks
          .map((p) => p.note)
          .filter(Boolean)
          .join(" | "),
      ]);
    }
  }
  return safeCsv(rows, PARTICIPANT_CSV_COLUMNS);
}
