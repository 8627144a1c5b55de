import express, { type Router } from "express";
import { reportSchema } from "@iot/shared/planner/report";
import type { PlannerReportError } from "@iot/shared/workshop/responses";
import { personalReportPdf } from "./report.js";

/**
 * The planner game's HTTP routes: `POST /planner/report.pdf` typesets a
 * planner's personal report (the data the room sent them at the end) as a PDF.
 * Malformed input gets 400 with a sentence saying what is wrong.
 */
export function plannerApi(): Router {
  const router = express.Router();
  router.post("/planner/report.pdf", express.json({ limit: "64kb" }), async (req, res) => {
    const parsed = reportSchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const answer: PlannerReportError = {
        error: `invalid report: ${issue?.path.join(".") || "body"}: ${issue?.message ?? ""}`,
      };
      res.status(400).json(answer);
      return;
    }
    const pdf = await personalReportPdf(parsed.data);
    const file = parsed.data.name.replace(/[^A-Za-z0-9_-]+/g, "-") || "planner";
    res.type("application/pdf").attachment(`report-${file}.pdf`).send(pdf);
  });
  return router;
}
