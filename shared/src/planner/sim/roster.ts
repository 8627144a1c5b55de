/**
 * The roster of the calibration: the scripted planners of `planners.ts` with
 * what each is designed to be better or worse at.
 */
import type { COMPETENCES } from "../game/assessment.js";
import { assistantPlanner, expertPlanner, nearestPlanner, randomPlanner, type SimPlanner } from "./planners.js";

/** One of the six competences of the assessment. */
export type Competence = (typeof COMPETENCES)[number];

/** A scripted planner of known skill: its name, how it plays, and its designed level per competence. */
export interface SimPlannerSpec {
  readonly name: string;
  readonly create: () => SimPlanner;
  /**
   * The designed level in each competence (0 lowest): which planner is meant
   * to be better than which. Equal levels are meant to be equal; null where
   * the planner's score is chance by design (the blind planner's one unseen
   * take in the exchange gains or loses the region by luck), so it has no
   * place in the ranking and is left out of that competence's rank
   * correlation (its mean and spread are still reported).
   */
  readonly design: Readonly<Record<Competence, number | null>>;
}

/**
 * The scripted planners, weakest first. Efficiency, green, service and
 * adaptivity rise from blind to expert; collaboration rises with how much of
 * what the exchange offers a planner turns into a gain for the region: the
 * nearest-neighbour planner never exchanges, the assistant planner waits
 * for offers (it makes none) and takes at most one, the one the preview says
 * gains the region most, the expert offers four of its own and takes every
 * offer the preview says gains the region, then replans around what it
 * took; the blind planner's
 * unseen take is chance (null). Digital skill: the two by-hand planners
 * never use the assistant nor ask drivers, the assistant planner uses the
 * assistant, the expert also asks every driver and improves on the proposal.
 */
export const SIM_PLANNERS: readonly SimPlannerSpec[] = [
  {
    name: "random",
    create: randomPlanner,
    design: { efficiency: 0, green: 0, service: 0, adaptivity: 0, collaboration: null, digital: 0 },
  },
  {
    name: "nearest",
    create: nearestPlanner,
    design: { efficiency: 1, green: 1, service: 1, adaptivity: 1, collaboration: 0, digital: 0 },
  },
  {
    name: "assistant",
    create: assistantPlanner,
    design: { efficiency: 2, green: 2, service: 2, adaptivity: 2, collaboration: 1, digital: 1 },
  },
  {
    name: "expert",
    create: expertPlanner,
    design: { efficiency: 3, green: 3, service: 3, adaptivity: 3, collaboration: 2, digital: 2 },
  },
];
