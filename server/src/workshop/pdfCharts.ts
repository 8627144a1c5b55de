/**
 * The shared charts (`@iot/shared/charts/`: the same SVG the facilitator's
 * screen shows) drawn into a PDF with svg-to-pdfkit, as vector graphics, with
 * the PDFs' Unicode fonts (../pdf/fonts.ts): every text of a chart is set in
 * DejaVu Sans (bold where the chart says `font-weight="700"`), so names in
 * Polish, Czech, Greek or Cyrillic print as typed and pdftotext reads them back.
 */
import SVGtoPDF from "svg-to-pdfkit";
import { FONT } from "../pdf/fonts.js";

/** The pdfkit document type, as the charts use it. */
export type Pdf = PDFKit.PDFDocument;

/** A box on the page, in points. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The user units of a chart's `viewBox` (its width and height). */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  return { width: Number(m?.[1] ?? 1), height: Number(m?.[2] ?? 1) };
}

/**
 * Draws `svg` at (`x`, `y`) scaled to `width` points (its height follows
 * from its aspect ratio) and returns the height used in points; the page's
 * text position is left as it was.
 */
export function drawChart(doc: Pdf, svg: string, at: { x: number; y: number; width: number }): number {
  const size = svgSize(svg);
  const height = (at.width * size.height) / size.width;
  const { x, y } = doc;
  SVGtoPDF(doc as never, svg, at.x, at.y, {
    width: at.width,
    height,
    fontCallback: (_family, bold) => (bold ? FONT.bold : FONT.regular),
  });
  doc.x = x;
  doc.y = y;
  doc.font(FONT.regular).fillColor("#000000");
  return height;
}
