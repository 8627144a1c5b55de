/** Charts drawn with pdfkit's vector graphics, for the printable debrief. */

/** The pdfkit document type, as the charts use it. */
export type Pdf = PDFKit.PDFDocument;

/** A box on the page, in points. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One series of bars: a short mark printed under each bar (so colour is never the only cue), a colour and a value per group. */
export interface BarSeries {
  mark: string;
  color: string;
  values: (number | null)[];
}

/** Eight colours that stay apart in print and for most colour-blind readers (Okabe-Ito, plus a grey). */
export const SERIES_COLORS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#777777",
] as const;

const GRID = "#c8c8c8";
const INK = "#000000";
const MUTED = "#555555";

/** The smallest 1, 2 or 5 times a power of ten that is at least `x` (1 for nothing to show). */
export function niceMax(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * power >= x) return step * power;
  return 10 * power;
}

const label = (x: number) => (x >= 100 ? x.toFixed(0) : String(Number(x.toFixed(x >= 10 ? 1 : 2))));

/**
 * Vertical bars in groups (for instance one group per round, one bar per
 * planner): a value axis from 0 with four grid lines, each bar's mark under
 * it and the group's label below. Missing values leave a gap.
 */
export function groupedBars(doc: Pdf, box: Box, groups: readonly string[], series: readonly BarSeries[]): void {
  const axisLeft = box.x + 40;
  const plotWidth = box.width - 40;
  const plotBottom = box.y + box.height - 26;
  const plotHeight = box.height - 30;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  doc.save().lineWidth(0.5);
  for (let i = 0; i <= 4; i++) {
    const y = plotBottom - (plotHeight * i) / 4;
    doc
      .moveTo(axisLeft, y)
      .lineTo(axisLeft + plotWidth, y)
      .strokeColor(GRID)
      .stroke();
    doc
      .fillColor(MUTED)
      .fontSize(7)
      .text(label((max * i) / 4), box.x, y - 4, { width: 36, align: "right" });
  }
  const groupWidth = plotWidth / Math.max(1, groups.length);
  const barWidth = Math.min(28, (groupWidth - 12) / Math.max(1, series.length));
  groups.forEach((name, g) => {
    const start = axisLeft + g * groupWidth + (groupWidth - barWidth * series.length) / 2;
    series.forEach((s, i) => {
      const value = s.values[g];
      const x = start + i * barWidth;
      if (value !== null && value !== undefined) {
        const h = (plotHeight * Math.max(0, value)) / max;
        doc
          .rect(x + 1, plotBottom - h, barWidth - 2, h)
          .fillColor(s.color)
          .fill();
      }
      doc
        .fillColor(INK)
        .fontSize(6)
        .text(s.mark, x, plotBottom + 2, { width: barWidth, align: "center" });
    });
    doc
      .fillColor(INK)
      .fontSize(8)
      .text(name, axisLeft + g * groupWidth, plotBottom + 11, { width: groupWidth, align: "center" });
  });
  doc.restore();
}

/**
 * Horizontal bars on a 0-100 scale, one row per dimension and one bar per
 * series in each row (a competence profile per planner), with the value at
 * the end of each bar and a grid every 25 points; a value that is null has
 * no bar and `missing` ("n.v.t.", "n/a") for its value. Returns the height used.
 */
export function profileBars(
  doc: Pdf,
  at: { x: number; y: number; width: number },
  rows: readonly string[],
  series: readonly BarSeries[],
  missing = "-",
): number {
  const labelWidth = 120;
  const left = at.x + labelWidth;
  const width = at.width - labelWidth - 30;
  const bar = Math.max(5, Math.min(12, 48 / Math.max(1, series.length)));
  const rowHeight = bar * series.length + 10;
  const height = rowHeight * rows.length;
  doc.save().lineWidth(0.5);
  for (let p = 0; p <= 100; p += 25) {
    const x = left + (width * p) / 100;
    doc
      .moveTo(x, at.y)
      .lineTo(x, at.y + height)
      .strokeColor(GRID)
      .stroke();
    doc
      .fillColor(MUTED)
      .fontSize(7)
      .text(String(p), x - 10, at.y + height + 3, { width: 20, align: "center" });
  }
  rows.forEach((name, r) => {
    const top = at.y + r * rowHeight + 5;
    doc
      .fillColor(INK)
      .fontSize(9)
      .text(name, at.x, top + (bar * series.length) / 2 - 5, { width: labelWidth - 8 });
    series.forEach((s, i) => {
      const raw = s.values[r] ?? null;
      const value = raw === null ? 0 : Math.min(100, Math.max(0, raw));
      const y = top + i * bar;
      if (value > 0) {
        doc
          .rect(left, y + 0.5, (width * value) / 100, bar - 1)
          .fillColor(s.color)
          .fill();
      }
      doc
        .fillColor(INK)
        .fontSize(Math.min(7, bar))
        .text(
          `${s.mark}: ${raw === null ? missing : value}`,
          left + (width * value) / 100 + 3,
          y + (bar - Math.min(7, bar)) / 2,
          {
            width: 40,
            lineBreak: false,
          },
        );
    });
  });
  doc.restore();
  return height + 14;
}

/** A legend: colour square, mark and name per series, in columns; returns the height used. */
export function legend(
  doc: Pdf,
  at: { x: number; y: number; width: number },
  entries: readonly { series: BarSeries; name: string }[],
): number {
  const columns = 2;
  const columnWidth = at.width / columns;
  entries.forEach((e, i) => {
    const x = at.x + (i % columns) * columnWidth;
    const y = at.y + Math.floor(i / columns) * 14;
    doc
      .save()
      .rect(x, y + 1, 9, 9)
      .fillColor(e.series.color)
      .fill()
      .restore();
    doc
      .fillColor(INK)
      .fontSize(9)
      .text(`${e.series.mark}  ${e.name}`, x + 14, y + 1, { width: columnWidth - 18, lineBreak: false });
  });
  return Math.ceil(entries.length / columns) * 14 + 4;
}
