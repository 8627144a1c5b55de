import { card as cardInfo, theme as themeInfo } from "@iot/shared/quartet/deck";
import { isCardId, isThemeId } from "@iot/shared/quartet/cardIds";
import { combinePlans, type Debrief } from "@iot/shared/workshop/debrief";
import type { WorkshopStore } from "../db/store.js";
import type { WorkshopRow } from "../db/schema.js";
import { buildPlannerDebrief, plannerCsv } from "./plannerDebrief.js";
import { plannerPdf } from "./plannerPdf.js";
import { safeCsv } from "./exportSafety.js";
import { FONT, printable, unicodePdf } from "../pdf/fonts.js";
import { debriefPick, debriefTable, debriefWorkshop, rankingLine } from "./wire.js";

/**
 * Everything the workshop produced, read from the database: per-table
 * rankings and plans and the combined plan; for a planner workshop each
 * table's planners, rounds and profiles (see plannerDebrief.ts).
 */
export async function buildDebrief(store: WorkshopStore, w: WorkshopRow): Promise<Debrief> {
  if (w.game === "planner") return buildPlannerDebrief(store, w);
  const tables: Debrief["tables"] = [];
  for (const t of await store.tables(w.id)) {
    const [results, picks] = await Promise.all([store.results(t.id), store.picks(t.id)]);
    tables.push({
      ...debriefTable(t),
      ranking: results.map(rankingLine),
      plan: picks.map((p) => debriefPick(p, t.number)),
    });
  }
  return {
    workshop: debriefWorkshop(w),
    tables,
    combined: combinePlans(tables.flatMap((t) => t.plan)),
  };
}

type Lang = "nl" | "en";
const title = (card: string, lang: Lang) => (isCardId(card) ? cardInfo(card).title[lang] : card);
const themeName = (id: string, lang: Lang) => (isThemeId(id) ? themeInfo(id).name[lang] : id);

/** The debrief as CSV: one row per result and per pick, with a `kind` column; a planner workshop's as `plannerCsv`. Text cells are neutralised against formulas ({@link safeCsv}). */
export function debriefCsv(d: Debrief): string {
  if (d.workshop.game === "planner") return plannerCsv(d);
  const lang: Lang = d.workshop.lang === "en" ? "en" : "nl";
  const rows: (string | number)[][] = [];
  for (const t of d.tables) {
    for (const r of t.ranking)
      rows.push(["result", t.number, r.name, r.isBot ? "bot" : "", r.place, r.quartets, "", "", "", "", ""]);
    for (const p of t.plan) {
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
  ]);
}

const TEXT = {
  nl: {
    plan: "Gezamenlijk regionaal actieplan",
    table: "Tafel",
    ranking: "Uitslag",
    picks: "Gekozen acties",
    none: "Nog geen keuzes.",
  },
  en: {
    plan: "Combined regional action plan",
    table: "Table",
    ranking: "Ranking",
    picks: "Chosen actions",
    none: "No picks yet.",
  },
};

/** The debrief as a printable PDF (A4) in the Unicode fonts of ../pdf/fonts.ts: the combined plan by theme, then each table's ranking and plan; a planner workshop's as `plannerPdf`. */
export function debriefPdf(d: Debrief): Promise<Buffer> {
  if (d.workshop.game === "planner") return plannerPdf(d);
  const lang: Lang = d.workshop.lang === "en" ? "en" : "nl";
  const tx = TEXT[lang];
  const { doc, done } = unicodePdf({ size: "A4", margin: 50, info: { Title: d.workshop.title } });
  doc.font(FONT.bold).fontSize(22).text(printable(d.workshop.title)).font(FONT.regular);
  doc.fontSize(11).fillColor("#555").text("Innovation on Track · 1 + 1 = 4").fillColor("#000").moveDown();
  doc.fontSize(16).text(tx.plan).moveDown(0.4);
  if (d.combined.length === 0) doc.fontSize(11).text(tx.none);
  for (const group of d.combined) {
    doc.fontSize(13).fillColor(themeInfo(group.theme).color).text(themeName(group.theme, lang)).fillColor("#000");
    for (const c of group.cards) {
      doc.fontSize(11).text(printable(`${title(c.card, lang)} (${c.count}x)`), { indent: 10 });
      for (const p of c.picks) {
        const who = [p.name, p.role, p.phase].filter(Boolean).join(", ");
        doc
          .fontSize(9)
          .fillColor("#333")
          .text(printable(`${tx.table} ${p.table} · ${who}${p.note ? `: ${p.note}` : ""}`), { indent: 22 });
      }
      doc.fillColor("#000");
    }
    doc.moveDown(0.5);
  }
  for (const t of d.tables) {
    doc.moveDown().fontSize(15).text(`${tx.table} ${t.number}`);
    doc.fontSize(12).text(tx.ranking);
    for (const r of t.ranking)
      doc
        .fontSize(10)
        .text(printable(`${r.place}. ${r.name}${r.isBot ? " (bot)" : ""}: ${r.quartets}`), { indent: 10 });
    doc.fontSize(12).text(tx.picks);
    if (t.plan.length === 0) doc.fontSize(10).text(tx.none, { indent: 10 });
    for (const p of t.plan) {
      doc
        .fontSize(10)
        .text(
          printable(`${p.name}: ${themeName(p.theme, lang)} · ${title(p.card, lang)}${p.note ? `: ${p.note}` : ""}`),
          {
            indent: 10,
          },
        );
    }
  }
  doc.end();
  return done;
}
