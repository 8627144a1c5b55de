import { card as cardInfo, theme as themeInfo } from "@iot/shared/quartet/deck";
import { isCardId, isThemeId } from "@iot/shared/quartet/cardIds";
import { quartetTableSchema } from "@iot/shared/quartet/tableSchema";
import { combinePlans, tableMoments, type Debrief, type TableMoments } from "@iot/shared/workshop/debrief";
import type { WorkshopStore } from "../db/store.js";
import type { WorkshopRow } from "../db/schema.js";
import { parseWorkshopSnapshot } from "../table/snapshot.js";
import { readPriorities } from "./priorities.js";
import { openQuartets } from "./pickCompletion.js";
import { buildPlannerDebrief, plannerCsv } from "./plannerDebrief.js";
import { safeCsv } from "./exportSafety.js";
import { debriefPick, debriefTable, debriefWorkshop, rankingLine } from "./wire.js";

/** A quartet table's key moments from its saved game log; undefined without a readable snapshot. */
async function momentsOf(store: WorkshopStore, tableId: string): Promise<TableMoments | undefined> {
  const json = await store.snapshot(tableId);
  const snap = json === undefined ? null : parseWorkshopSnapshot(json, "quartet", quartetTableSchema);
  if (!snap) return undefined;
  const seats = new Map(snap.table.seats.map((s) => [s.id, s]));
  const state = snap.table.state as { log: Parameters<typeof tableMoments>[0] };
  return tableMoments(state.log, (player) => ({
    name: seats.get(player)?.name ?? player,
    isBot: seats.get(player)?.isBot ?? false,
  }));
}

/**
 * Everything the workshop produced, read from the database: per-table
 * rankings, plans and key moments (from the saved game log), the combined
 * plan and the facilitator's priorities (only cards still in the combined
 * plan); for a planner workshop each table's planners, rounds and profiles
 * (see plannerDebrief.ts).
 */
export async function buildDebrief(store: WorkshopStore, w: WorkshopRow): Promise<Debrief> {
  if (w.game === "planner") return buildPlannerDebrief(store, w);
  const tables: Debrief["tables"] = [];
  for (const t of await store.tables(w.id)) {
    const [results, picks, moments, open] = await Promise.all([
      store.results(t.id),
      store.picks(t.id),
      momentsOf(store, t.id),
      openQuartets(store, t),
    ]);
    tables.push({
      ...debriefTable(t),
      ranking: results.map(rankingLine),
      plan: picks.map((p) => debriefPick(p, t.number)),
      ...(moments ? { moments } : {}),
      ...(open.length > 0 ? { openQuartets: open, tableId: t.id } : {}),
    });
  }
  const combined = combinePlans(tables.flatMap((t) => t.plan));
  const inPlan = new Set(combined.flatMap((g) => g.cards.map((c) => c.card)));
  const priorities = (await readPriorities(store.db, w.id)).filter((p) => inPlan.has(p.cardId));
  return { workshop: debriefWorkshop(w), tables, combined, priorities };
}

type Lang = "nl" | "en";
const title = (card: string, lang: Lang) => (isCardId(card) ? cardInfo(card).title[lang] : card);
const themeName = (id: string, lang: Lang) => (isThemeId(id) ? themeInfo(id).name[lang] : id);

/**
 * The debrief as CSV: one row per result and per pick, with a `kind` column;
 * a pick of a card the facilitator marked as a priority carries its place in
 * the priorities (1 first) and the owner and next step; a planner workshop's
 * as `plannerCsv`. Text cells are neutralised against formulas ({@link safeCsv}).
 */
export function debriefCsv(d: Debrief): string {
  if (d.workshop.game === "planner") return plannerCsv(d);
  const lang: Lang = d.workshop.lang === "en" ? "en" : "nl";
  const priority = new Map(d.priorities.map((p, i) => [p.cardId as string, { ...p, place: i + 1 }]));
  const rows: (string | number)[][] = [];
  for (const t of d.tables) {
    for (const r of t.ranking)
      rows.push([
        "result",
        t.number,
        r.name,
        r.isBot ? "bot" : "",
        r.place,
        r.quartets,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ]);
    for (const p of t.plan) {
      const marked = priority.get(p.card);
      rows.push([
        "pick",
        t.number,
        p.name,
        p.role,
        "",
        "",
        themeName(p.theme, lang),
        p.card,
        title(p.card, lang),
        p.phase,
        p.note,
        marked?.place ?? "",
        marked?.owner ?? "",
        marked?.nextStep ?? "",
      ]);
    }
  }
  return safeCsv(rows, [
    "kind",
    "table",
    "name",
    "role",
    "place",
    "quartets",
    "theme",
    "card",
    "title",
    "region_phase",
    "note",
    "priority",
    "owner",
    "next_step",
  ]);
}
