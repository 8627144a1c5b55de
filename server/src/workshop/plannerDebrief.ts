import { COMPETENCES, REPORT_TEXTS } from "@iot/shared/planner/report";
import type { Lang } from "@iot/shared/protocol";
import type { Debrief } from "@iot/shared/workshop/debrief";
import {
  compareRounds,
  regionByRound,
  together,
  withPlaces,
  type PlannerDebriefLine,
  type PlannerTableDebrief,
} from "@iot/shared/workshop/plannerDebrief";
import type { PlannerProfileRow, PlannerRoundRow, WorkshopRow } from "../db/schema.js";
import type { WorkshopStore } from "../db/store.js";
import { safeCsv } from "./exportSafety.js";
import { competenceProfile, debriefTable, debriefWorkshop, plannerRoundLine } from "./wire.js";

/** A planner table from its stored rows: planners by seat, their rounds with places, the region per round. */
export function plannerTable(
  rounds: readonly PlannerRoundRow[],
  profiles: readonly PlannerProfileRow[],
): PlannerTableDebrief {
  const seats = [...new Set([...rounds.map((r) => r.seat), ...profiles.map((p) => p.seat)])].sort((a, b) => a - b);
  const lines = seats.map((seat) =>
    rounds
      .filter((r) => r.seat === seat)
      .sort((a, b) => a.round - b.round)
      .map(plannerRoundLine),
  );
  const placed = withPlaces(lines);
  const planners: PlannerDebriefLine[] = seats.map((seat, i) => {
    const profile = profiles.find((p) => p.seat === seat);
    const name = profile?.player_name ?? rounds.filter((r) => r.seat === seat).at(-1)?.player_name ?? "";
    return {
      seat,
      name,
      rounds: placed[i] ?? [],
      profile: profile ? competenceProfile(profile) : null,
    };
  });
  const region = regionByRound(planners);
  return { planners, region, together: together(region) };
}

/** A planner workshop's debrief, read from the database: per table its planners, rounds, region and profiles. */
export async function buildPlannerDebrief(store: WorkshopStore, w: WorkshopRow): Promise<Debrief> {
  const tables: Debrief["tables"] = [];
  for (const t of await store.tables(w.id)) {
    const [rounds, profiles] = await Promise.all([store.planner.rounds(t.id), store.planner.profiles(t.id)]);
    tables.push({ ...debriefTable(t), ranking: [], plan: [], planner: plannerTable(rounds, profiles) });
  }
  return {
    workshop: debriefWorkshop(w),
    tables,
    combined: [],
    priorities: [],
    planner: { rounds: compareRounds(tables.flatMap((t) => (t.planner ? [t.planner] : []))) },
  };
}

/** Columns of the planner CSV: `planner` is the seat counted from 1, the profile columns repeat on every round. */
export const PLANNER_CSV_COLUMNS = [
  "table",
  "planner",
  "name",
  "round",
  "cost",
  "km",
  "co2_kg",
  "late",
  "minutes_late",
  "unplanned",
  "deliveries",
  "orders",
  "score",
  "place",
  "assistant_cost",
  "assistant_co2_kg",
  "assistant_score",
  "reference_cost",
  "reference_co2_kg",
  "reference_score",
  ...COMPETENCES,
] as const;

/** A competence in the CSV: its score, or "n.v.t." / "n/a" in the workshop's language where it could not be shown. */
function profileCell(score: number | null, lang: Lang): string | number {
  return score === null ? REPORT_TEXTS[lang].notApplicable : score;
}

/** A planner workshop's debrief as CSV: one row per planner per round, with the planner's competence profile ("n.v.t." / "n/a" where not applicable, blank before any round ended); the name is neutralised against formulas, the numbers stay numbers ({@link safeCsv}). */
export function plannerCsv(d: Debrief): string {
  const lang: Lang = d.workshop.lang === "en" ? "en" : "nl";
  const rows: (string | number)[][] = [];
  for (const t of d.tables) {
    for (const p of t.planner?.planners ?? []) {
      for (const r of p.rounds) {
        rows.push([
          t.number,
          p.seat + 1,
          p.name,
          r.round,
          r.cost,
          r.km,
          r.co2Kg,
          r.late,
          r.minutesLate,
          r.unplanned,
          r.deliveries,
          r.orders,
          r.score,
          r.place,
          r.assistantCost ?? "",
          r.assistantCo2Kg ?? "",
          r.assistantScore ?? "",
          r.referenceCost ?? "",
          r.referenceCo2Kg ?? "",
          r.referenceScore ?? "",
          ...COMPETENCES.map((c) => (p.profile ? profileCell(p.profile[c], lang) : "")),
        ]);
      }
    }
  }
  return safeCsv(rows, PLANNER_CSV_COLUMNS);
}
