import type { WorkshopStore } from "../db/store.js";
import type { WorkshopRow } from "../db/schema.js";
import { buildDebrief } from "./debrief.js";
import { participantCsv } from "./participantCsv.js";
import { plannerPdf } from "./plannerPdf.js";
import { quartetPdf } from "./quartetReport.js";
import { reportContext } from "./reportContext.js";

/** A file the API sends: its bytes and the name to save it under. */
export interface ReportFile {
  name: string;
  body: Buffer | string;
}

/**
 * The printable report of workshop `w` (`GET /api/workshops/:id/report.pdf`):
 * a quartet workshop's hand-out ({@link quartetPdf}), a planner workshop's
 * debrief with its charts (`plannerPdf`).
 */
export async function reportPdf(store: WorkshopStore, w: WorkshopRow): Promise<ReportFile> {
  const d = await buildDebrief(store, w);
  const body = d.workshop.game === "planner" ? await plannerPdf(d) : await quartetPdf(d, await reportContext(store, w));
  return { name: `workshop-${d.workshop.code}.pdf`, body };
}

/**
 * The rows per participant of workshop `w` (`GET /api/workshops/:id/participants.csv`):
 * per table for the quartet, per round for the planner ({@link participantCsv}).
 */
export async function participantsCsv(store: WorkshopStore, w: WorkshopRow): Promise<ReportFile> {
  const [d, ctx] = await Promise.all([buildDebrief(store, w), reportContext(store, w)]);
  return { name: `workshop-${d.workshop.code}-participants.csv`, body: participantCsv(d, ctx) };
}
