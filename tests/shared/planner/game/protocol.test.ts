import { describe, expect, it } from "vitest";
import { plannerRejectionMessage, plannerRejectionTexts } from "@iot/shared/i18n/plannerMessages";
import { PLANNER_REJECTION_CODES } from "@iot/shared/planner/game/index";
import {
  parsePlannerPayload,
  plannerJoinSchema,
  PlannerClientMessage,
  plannerSchemas,
  resultsSchema,
} from "@iot/shared/planner/protocol";

describe("planner protocol", () => {
  it("applies join defaults and rejects bad options", () => {
    expect(plannerJoinSchema.parse({ name: " Anna " })).toEqual({
      name: "Anna",
      lang: "nl",
      difficulty: 2,
      planners: 4,
    });
    expect(plannerJoinSchema.parse({ name: "B", lang: "en", difficulty: 4, planners: 8 })).toMatchObject({
      planners: 8,
    });
    for (const bad of [
      {},
      { name: "" },
      { name: "A", difficulty: 5 },
      { name: "A", planners: 9 },
      { name: "A", lang: "de" },
    ]) {
      expect(plannerJoinSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("has a schema for every client message and validates payloads strictly", () => {
    expect(Object.keys(plannerSchemas).sort()).toEqual(Object.keys(PlannerClientMessage).sort());
    expect(parsePlannerPayload("start", undefined)).toEqual({});
    expect(parsePlannerPayload("start", { x: 1 })).toBeNull();
    const plan = { routes: [{ vehicle: "c1-v1", orders: ["c1-o1", "c1-rush-1"] }] };
    expect(parsePlannerPayload("plan", { plan })).toEqual({ plan });
    expect(parsePlannerPayload("reveal", { order: "c1-o3" })).toEqual({ order: "c1-o3" });
    expect(parsePlannerPayload("accept", { offer: "f1" })).toEqual({ offer: "f1" });
    for (const bad of [
      { plan: { routes: [{ vehicle: "c1-v1", orders: ["x".repeat(33)] }] } },
      { plan: { routes: [{ vehicle: "c1 v1", orders: [] }] } },
      { plan: { routes: [{ vehicle: "c1-v1", orders: Array(201).fill("a") }] } },
      { plan: { routes: Array(51).fill({ vehicle: "v", orders: [] }) } },
      { plan: { routes: [] }, extra: 1 },
      { plan: null },
    ]) {
      expect(parsePlannerPayload("plan", bad)).toBeNull();
    }
    expect(parsePlannerPayload("offer", { order: 3 })).toBeNull();
    expect(parsePlannerPayload("withdraw", {})).toBeNull();
    expect(parsePlannerPayload("preview", "f1")).toBeNull();
  });
});

describe("planner rejection messages", () => {
  it("has a sentence for every code in Dutch and English, with details filled in", () => {
    for (const lang of ["nl", "en"] as const) {
      for (const code of PLANNER_REJECTION_CODES) {
        expect(plannerRejectionTexts[lang][code], `${lang} ${code}`).toMatch(/\S/);
      }
    }
    expect(plannerRejectionMessage({ code: "UNKNOWN_ORDER", detail: { order: "c2-o1" } }, "en")).toBe(
      "Order c2-o1 is not your carrier's.",
    );
    expect(plannerRejectionMessage({ code: "TOO_MANY_STOPS", detail: { max: 200 } }, "nl")).toBe(
      "Een planning heeft hoogstens 200 stops.",
    );
    expect(plannerRejectionMessage({ code: "LOCKED_STOP" }, "en")).not.toContain("{{");
  });

  it("sends a competence that could not be shown as null, and nothing outside 0-100", () => {
    const profile = { efficiency: 64, green: 58, service: 93, adaptivity: 71, collaboration: null, digital: 40 };
    const results = { names: { p1: "Anna" }, results: [], profiles: { p1: profile } };
    expect(resultsSchema.safeParse(results).success).toBe(true);
    const off = { ...results, profiles: { p1: { ...profile, green: 140 } } };
    expect(resultsSchema.safeParse(off).success).toBe(false);
  });
});
