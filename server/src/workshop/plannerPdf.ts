import { COMPETENCES, REPORT_TEXTS } from "@iot/shared/planner/report";
import type { Debrief } from "@iot/shared/workshop/debrief";
import type { PlannerTableDebrief, RoundComparison } from "@iot/shared/workshop/plannerDebrief";
import { FONT, printable, unicodePdf } from "../pdf/fonts.js";
import { columnChart } from "@iot/shared/charts/bars";
import { groupedBars, groupedColumns, legend, type Series } from "@iot/shared/charts/grouped";
import { seriesColor } from "@iot/shared/charts/palette";
import { drawChart, svgSize, type Pdf } from "./pdfCharts.js";

type Lang = "nl" | "en";

const TEXT = {
  nl: {
    subtitle: "De transportplanner van de toekomst: debrief",
    compared: "De rondes vergeleken (alle tafels)",
    meanScore: "Gemiddelde score per ronde (EUR per order, lager is beter)",
    comparedColumns: ["Ronde", "Planners", "Score", "Kosten (EUR)", "CO2 (kg)", "Te laat", "Niet gepland"],
    table: "Tafel",
    round: "Ronde",
    planners: "Planners",
    cost: "Kosten per ronde (EUR)",
    co2: "CO2 per ronde (kg)",
    region: "De regio: ronde 3 (verstoring) tegen ronde 4 (samen)",
    saved: (what: string, from: string, to: string, share: string) => `${what}: ${from} naar ${to} (${share} minder)`,
    regionOpen: "Ronde 3 en 4 zijn aan deze tafel nog niet allebei gespeeld.",
    profiles: "Competentieprofielen (0-100)",
    kpis: "Resultaten per planner en ronde",
    kpiColumns: ["Planner", "Ronde", "Kosten", "km", "CO2 (kg)", "Te laat", "Niet gepland", "Score", "Plaats"],
    none: "Nog geen resultaten.",
  },
  en: {
    subtitle: "The transport planner of the future: debrief",
    compared: "The rounds compared (all tables)",
    meanScore: "Mean score per round (EUR per order, lower is better)",
    comparedColumns: ["Round", "Planners", "Score", "Cost (EUR)", "CO2 (kg)", "Late", "Unplanned"],
    table: "Table",
    round: "Round",
    planners: "Planners",
    cost: "Cost per round (EUR)",
    co2: "CO2 per round (kg)",
    region: "The region: round 3 (disruption) against round 4 (together)",
    saved: (what: string, from: string, to: string, share: string) => `${what}: ${from} to ${to} (${share} less)`,
    regionOpen: "Rounds 3 and 4 have not both been played at this table yet.",
    profiles: "Competence profiles (0-100)",
    kpis: "Results per planner and round",
    kpiColumns: ["Planner", "Round", "Cost", "km", "CO2 (kg)", "Late", "Unplanned", "Score", "Place"],
    none: "No results yet.",
  },
};

const LEFT = 50;
const WIDTH = 495;
const BOTTOM = 841.89 - 50;

/** Starts a new page when fewer than `needed` points are left on this one. */
function room(doc: Pdf, needed: number): void {
  if (doc.y + needed > BOTTOM) doc.addPage();
}

function row(doc: Pdf, cells: readonly string[], widths: readonly number[], size: number): void {
  const y = doc.y;
  let x = LEFT;
  cells.forEach((cell, i) => {
    doc.fontSize(size).text(cell, x, y, { width: (widths[i] ?? 50) - 4, lineBreak: false });
    x += widths[i] ?? 50;
  });
  doc.x = LEFT;
  doc.y = y + size + 5;
}

/** A table in columns of `widths`; the header is repeated at the top of every page it runs onto. */
function grid(doc: Pdf, header: readonly string[], rows: readonly string[][], widths: readonly number[]): void {
  room(doc, 30);
  doc.fillColor("#555555");
  row(doc, header, widths, 8);
  doc.fillColor("#000000");
  for (const cells of rows) {
    if (doc.y + 14 > BOTTOM) {
      doc.addPage();
      doc.fillColor("#555555");
      row(doc, header, widths, 8);
      doc.fillColor("#000000");
    }
    row(doc, cells, widths, 8);
  }
}

const fixed = (x: number, digits = 0) => x.toFixed(digits);
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function roundsCompared(doc: Pdf, rounds: readonly RoundComparison[], lang: Lang): void {
  const tx = TEXT[lang];
  doc.fontSize(14).text(tx.compared).moveDown(0.3);
  if (rounds.length === 0) {
    doc.fontSize(10).text(tx.none);
    return;
  }
  const names = rounds.map((r) => `${r.round}. ${REPORT_TEXTS[lang].round[r.round - 1] ?? ""}`);
  // The chart the facilitator's screen shows first (client/src/planner/plannerDebrief.ts), from the same module.
  const chart = columnChart({
    id: "meanScore",
    name: tx.meanScore,
    bars: rounds.map((r) => ({
      key: String(r.round),
      label: [`${tx.round} ${r.round}`, REPORT_TEXTS[lang].round[r.round - 1] ?? ""],
      value: r.meanScore,
      text: fixed(r.meanScore, 2),
      color: seriesColor(r.round - 1),
    })),
  });
  doc.fontSize(9).fillColor("#333333").text(tx.meanScore).fillColor("#000000");
  const top = doc.y + 4;
  doc.y = top + drawChart(doc, chart, { x: LEFT + 60, y: top, width: WIDTH - 120 }) + 8;
  grid(
    doc,
    tx.comparedColumns,
    rounds.map((r, i) => [
      names[i] ?? "",
      String(r.planners),
      fixed(r.meanScore, 2),
      fixed(r.meanCost),
      fixed(r.meanCo2Kg, 1),
      String(r.late),
      String(r.unplanned),
    ]),
    [110, 60, 60, 75, 70, 55, 65],
  );
}

function table(doc: Pdf, number: number, t: PlannerTableDebrief, lang: Lang): void {
  const tx = TEXT[lang];
  doc.addPage().fontSize(16).text(`${tx.table} ${number}`).moveDown(0.3);
  if (t.planners.length === 0) {
    doc.fontSize(10).text(tx.none);
    return;
  }
  const series = (values: (p: PlannerTableDebrief["planners"][number]) => (number | null)[]): Series[] =>
    t.planners.map((p, i) => ({
      mark: String(p.seat + 1),
      name: printable(p.name),
      color: seriesColor(i),
      values: values(p),
    }));
  const rounds = [1, 2, 3, 4];
  const byRound =
    (f: (r: PlannerTableDebrief["planners"][number]["rounds"][number]) => number) =>
    (p: PlannerTableDebrief["planners"][number]) =>
      rounds.map((n) => {
        const r = p.rounds.find((x) => x.round === n);
        return r ? f(r) : null;
      });
  const groups = rounds.map((n) => `${n}. ${REPORT_TEXTS[lang].round[n - 1] ?? ""}`);
  const costs = series(byRound((r) => r.cost));
  doc.y += drawChart(doc, legend("planners", tx.planners, costs), { x: LEFT, y: doc.y, width: WIDTH }) + 4;
  for (const [id, title, data] of [
    ["cost", tx.cost, costs],
    ["co2", tx.co2, series(byRound((r) => r.co2Kg))],
  ] as const) {
    room(doc, 190);
    doc.x = LEFT;
    doc.fontSize(11).text(title);
    const top = doc.y + 4;
    doc.y =
      top +
      drawChart(doc, groupedColumns({ id, name: title, groups, series: data }), { x: LEFT, y: top, width: WIDTH }) +
      6;
  }

  room(doc, 60);
  doc.x = LEFT;
  doc.fontSize(11).text(tx.region).moveDown(0.2);
  const g = t.together;
  if (!g) doc.fontSize(9).text(tx.regionOpen);
  else {
    doc.fontSize(9).text(tx.saved("km", fixed(g.kmRound3, 1), fixed(g.kmRound4, 1), percent(g.kmSavedShare)));
    doc.text(tx.saved("CO2 (kg)", fixed(g.co2KgRound3, 1), fixed(g.co2KgRound4, 1), percent(g.co2KgSavedShare)));
  }
  doc.moveDown(0.8);

  const profiled = t.planners.filter((p) => p.profile);
  if (profiled.length > 0) {
    const profiles: Series[] = profiled.map((p) => ({
      mark: String(p.seat + 1),
      name: printable(p.name),
      color: seriesColor(t.planners.indexOf(p)),
      values: COMPETENCES.map((c) => p.profile?.[c] ?? null),
    }));
    const names = COMPETENCES.map((c) => REPORT_TEXTS[lang].competences[c]);
    const chart = groupedBars(
      { id: "profiles", name: tx.profiles, rows: names, series: profiles },
      REPORT_TEXTS[lang].notApplicable,
    );
    const height = (WIDTH * svgSize(chart).height) / svgSize(chart).width;
    room(doc, 30 + height);
    doc.x = LEFT;
    doc.fontSize(11).text(tx.profiles).moveDown(0.3);
    doc.y += drawChart(doc, chart, { x: LEFT, y: doc.y, width: WIDTH }) + 6;
  }

  room(doc, 40);
  doc.x = LEFT;
  doc.fontSize(11).text(tx.kpis).moveDown(0.2);
  const rows = t.planners.flatMap((p) =>
    p.rounds.map((r) => [
      printable(`${p.seat + 1}. ${p.name}`),
      String(r.round),
      fixed(r.cost),
      fixed(r.km),
      fixed(r.co2Kg, 1),
      String(r.late),
      String(r.unplanned),
      fixed(r.score, 2),
      String(r.place),
    ]),
  );
  grid(doc, tx.kpiColumns, rows, [95, 45, 60, 50, 55, 45, 65, 45, 35]);
}

/**
 * A planner workshop's debrief as a printable PDF (A4): the rounds compared
 * over all tables (a chart of the mean score and a table), then per table a
 * legend of its planners, bar charts of cost and CO2 per round, the region's
 * round 3 against round 4, the competence profiles as a chart and every
 * planner's KPIs per round. The charts are the shared SVG charts
 * (`@iot/shared/charts/`, drawn by ./pdfCharts.ts); the text is set in the
 * Unicode fonts of ../pdf/fonts.ts.
 */
export function plannerPdf(d: Debrief): Promise<Buffer> {
  const lang: Lang = d.workshop.lang === "en" ? "en" : "nl";
  const { doc, done } = unicodePdf({ size: "A4", margin: 50, info: { Title: d.workshop.title } });
  doc.font(FONT.bold).fontSize(22).text(printable(d.workshop.title)).font(FONT.regular);
  doc
    .fontSize(11)
    .fillColor("#555555")
    .text(`Innovation on Track · ${TEXT[lang].subtitle}`)
    .fillColor("#000000")
    .moveDown();
  roundsCompared(doc, d.planner?.rounds ?? [], lang);
  for (const t of d.tables) if (t.planner) table(doc, t.number, t.planner, lang);
  doc.end();
  return done;
}
