import { COMPETENCES, REPORT_TEXTS, scoreText, type PersonalReport } from "@iot/shared/planner/report";
import { barChart } from "@iot/shared/charts/bars";
import { seriesColor } from "@iot/shared/charts/palette";
import { FONT, printable, unicodePdf } from "../pdf/fonts.js";
import { drawChart } from "../workshop/pdfCharts.js";

/**
 * The personal report as a printable A4 PDF: the competence profile as the
 * shared bar chart (`@iot/shared/charts/bars`, 0-100 per competence, grid
 * lines at 0, 50 and 100; "n.v.t." / "n/a" and no bar where a competence
 * could not be shown) and the round-by-round KPIs
 * next to the assistant's reference plan, in the Unicode fonts of ../pdf/fonts.ts.
 */
export function personalReportPdf(r: PersonalReport): Promise<Buffer> {
  const t = REPORT_TEXTS[r.lang];
  const { doc, done } = unicodePdf({ size: "A4", margin: 50, info: { Title: `${t.title}: ${r.name}` } });

  doc.font(FONT.bold).fontSize(18).text(t.title).font(FONT.regular);
  doc.moveDown(0.3).fontSize(14).text(printable(r.name));
  doc.moveDown(1).fontSize(13).text(t.profile);

  // The chart the facilitator's debrief shows for each planner (client/src/planner/plannerDebrief.ts), from the same module.
  const chart = barChart({
    id: "profile",
    name: t.profile,
    max: 100,
    bars: COMPETENCES.map((c) => ({
      key: c,
      label: [t.competences[c]],
      value: r.profile[c] ?? 0,
      text: scoreText(r.profile[c], r.lang),
      color: seriesColor(0),
    })),
  });
  const top = doc.y + 10;
  const height = drawChart(doc, chart, { x: 50, y: top, width: 360 });

  doc.y = top + height + 20;
  doc.x = 50;
  doc.fillColor("#000000").fontSize(13).text(t.rounds);
  doc.moveDown(0.5);
  const cols = [50, 130, 200, 245, 300, 345, 405, 475];
  const header = doc.y;
  doc.fontSize(8);
  t.columns.forEach((label, i) =>
    doc.text(label, cols[i], header, { width: (cols[i + 1] ?? 545) - (cols[i] ?? 0) - 4 }),
  );
  let y = header + 24;
  const fmt = (x: number | null, digits = 0) => (x === null ? "-" : x.toFixed(digits));
  for (const round of r.rounds) {
    const cells = [
      `${round.round}. ${t.round[round.round - 1] ?? ""}`,
      fmt(round.cost),
      fmt(round.km),
      fmt(round.co2Kg),
      String(round.late),
      String(round.unplanned),
      fmt(round.referenceCost),
      fmt(round.referenceCo2Kg),
    ];
    doc.fontSize(9);
    cells.forEach((cell, i) => doc.text(cell, cols[i], y, { width: (cols[i + 1] ?? 545) - (cols[i] ?? 0) - 4 }));
    y += 20;
  }
  doc
    .fontSize(8)
    .fillColor("#555555")
    .text(t.footer, 50, y + 30, { width: 495 });
  doc.end();
  return done;
}
