import { COMPETENCES, REPORT_TEXTS, scoreText, type PersonalReport } from "@iot/shared/planner/report";
import { FONT, printable, unicodePdf } from "../pdf/fonts.js";

/** NCSI blue, for the profile bars (the deck's theme colours are in shared/src/quartet/deck.ts). */
const BAR = "#1f5fa8";
const GRID = "#c8c8c8";

/**
 * The personal report as a printable A4 PDF: the competence profile as a bar
 * chart (0-100 per competence, a grid every 25 points; "n.v.t." / "n/a" and
 * no bar where a competence could not be shown) and the round-by-round KPIs
 * next to the assistant's reference plan, in the Unicode fonts of ../pdf/fonts.ts.
 */
export function personalReportPdf(r: PersonalReport): Promise<Buffer> {
  const t = REPORT_TEXTS[r.lang];
  const { doc, done } = unicodePdf({ size: "A4", margin: 50, info: { Title: `${t.title}: ${r.name}` } });

  doc.font(FONT.bold).fontSize(18).text(t.title).font(FONT.regular);
  doc.moveDown(0.3).fontSize(14).text(printable(r.name));
  doc.moveDown(1).fontSize(13).text(t.profile);

  const left = 200;
  const width = 300;
  const top = doc.y + 10;
  const row = 26;
  doc.lineWidth(0.5);
  for (let p = 0; p <= 100; p += 25) {
    const x = left + (width * p) / 100;
    doc
      .moveTo(x, top - 4)
      .lineTo(x, top + row * COMPETENCES.length)
      .strokeColor(GRID)
      .stroke();
    doc
      .fillColor("#555555")
      .fontSize(8)
      .text(String(p), x - 10, top + row * COMPETENCES.length + 4, { width: 20, align: "center" });
  }
  COMPETENCES.forEach((c, i) => {
    const y = top + i * row;
    const value = r.profile[c];
    const length = (width * (value ?? 0)) / 100;
    doc
      .fillColor("#000000")
      .fontSize(11)
      .text(t.competences[c], 50, y + 4, { width: left - 60 });
    doc
      .rect(left, y, length, row - 8)
      .fillColor(BAR)
      .fill();
    doc
      .fillColor("#000000")
      .fontSize(10)
      .text(scoreText(value, r.lang), left + length + 6, y + 4);
  });

  doc.y = top + row * COMPETENCES.length + 30;
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
