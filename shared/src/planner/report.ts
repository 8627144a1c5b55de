/**
 * The planner's personal report: what goes in it (validated at the server's
 * boundary) and its texts in Dutch and English. The server typesets it as a
 * PDF (server/src/planner/report.ts); the client shows the same data on screen.
 */
import { cleanText, MAX_NAME_LENGTH } from "../text.js";
import { z } from "zod";
import { COMPETENCES, type CompetenceProfile } from "./game/assessment.js";
import { LAST_ROUND } from "./game/roundRules.js";
import type { PlayerId, RoundResult } from "./game/types.js";

export { COMPETENCES };

/** A competence's score, or null: not applicable (shown as "n.v.t." / "n/a"). */
const score = z.number().int().min(0).max(100).nullable();
const amount = z.number().finite().min(0).max(10_000_000);
const count = z.number().int().min(0).max(10_000);

/**
 * One round's KPIs in the report, next to the assistant's reference plan for
 * the same situation (the assessment's yardstick; null when it is missing).
 */
export const reportRoundSchema = z
  .object({
    round: z.number().int().min(1).max(LAST_ROUND),
    cost: amount,
    km: amount,
    co2Kg: amount,
    late: count,
    unplanned: count,
    deliveries: count,
    referenceCost: amount.nullable(),
    referenceCo2Kg: amount.nullable(),
  })
  .strict();

export const reportSchema = z
  .object({
    lang: z.enum(["nl", "en"]),
    name: z.string().transform(cleanText).pipe(z.string().min(1).max(MAX_NAME_LENGTH)),
    profile: z
      .object(
        Object.fromEntries(COMPETENCES.map((c) => [c, score])) as Record<(typeof COMPETENCES)[number], typeof score>,
      )
      .strict(),
    rounds: z.array(reportRoundSchema).max(LAST_ROUND),
  })
  .strict();
export type PersonalReport = z.infer<typeof reportSchema>;

/**
 * The report of `player` from the game's results and their profile (what the
 * room sends at the end); every round beside its reference plan.
 */
export function personalReport(
  lang: "nl" | "en",
  name: string,
  player: PlayerId,
  results: readonly RoundResult[],
  profile: CompetenceProfile,
): PersonalReport {
  return {
    lang,
    name,
    profile: { ...profile },
    rounds: results
      .filter((r) => r.player === player)
      .sort((a, b) => a.round - b.round)
      .map((r) => ({
        round: r.round,
        cost: r.kpi.cost,
        km: r.kpi.km,
        co2Kg: r.kpi.co2Kg,
        late: r.kpi.late,
        unplanned: r.kpi.unplanned,
        deliveries: r.kpi.deliveries,
        referenceCost: r.reference?.cost ?? null,
        referenceCo2Kg: r.reference?.co2Kg ?? null,
      })),
  };
}

/** A competence's score as the report and the debrief print it: the number, or "n.v.t." / "n/a" when not applicable. */
export function scoreText(score: number | null, lang: "nl" | "en"): string {
  return score === null ? REPORT_TEXTS[lang].notApplicable : String(score);
}

/** The report's words. */
export const REPORT_TEXTS = {
  nl: {
    title: "Persoonlijk rapport: de transportplanner van de toekomst",
    profile: "Competentieprofiel (0-100)",
    rounds: "Resultaten per ronde",
    round: ["Met de hand", "Planning 4.0", "Verstoring", "Samen"],
    columns: [
      "Ronde",
      "Kosten (EUR)",
      "km",
      "CO2 (kg)",
      "Te laat",
      "Niet gepland",
      "Assistent: kosten",
      "Assistent: CO2",
    ],
    notApplicable: "n.v.t.",
    competences: {
      efficiency: "Efficiëntie",
      green: "Groen",
      service: "Service",
      adaptivity: "Aanpassingsvermogen",
      collaboration: "Samenwerking",
      digital: "Digitale vaardigheid",
    },
    footer:
      "Innovation on Track online. De assistent-kolommen tonen het plan van de assistent voor dezelfde situatie: de maatstaf van de scores. N.v.t.: je kon die competentie in dit spel niet laten zien.",
  },
  en: {
    title: "Personal report: the transport planner of the future",
    profile: "Competence profile (0-100)",
    rounds: "Results per round",
    round: ["By hand", "Planning 4.0", "Disruption", "Together"],
    columns: ["Round", "Cost (EUR)", "km", "CO2 (kg)", "Late", "Unplanned", "Assistant: cost", "Assistant: CO2"],
    notApplicable: "n/a",
    competences: {
      efficiency: "Efficiency",
      green: "Green",
      service: "Service",
      adaptivity: "Adaptivity",
      collaboration: "Collaboration",
      digital: "Digital skill",
    },
    footer:
      "Innovation on Track online. The assistant columns show the assistant's plan for the same situation: the yardstick of the scores. N/a: the game gave you no chance to show that competence.",
  },
} as const;
