import { describe, expect, it } from "vitest";
import { evaluatePlan } from "@iot/shared/planner/evaluate";
import { driveMinutes, greatCircleKm, roadKm } from "@iot/shared/planner/geo";
import { DEPOT, DEPOT_LOADING_MIN, town } from "@iot/shared/planner/region";
import { hm, type Scenario } from "@iot/shared/planner/scenario";
import { VEHICLES } from "@iot/shared/planner/vehicles";

/** Road km between these points, computed by hand (haversine, R = 6371.0088 km, x 1.15) outside this code base. */
const KM_DEPOT_GRONINGEN = 4.020964973;
const KM_GRONINGEN_ASSEN = 29.014948243;
const KM_ASSEN_DEPOT = 27.189318166;

const scenario: Scenario = {
  id: "hand",
  title: { nl: "x", en: "x" },
  dayStart: hm(7),
  dayEnd: hm(18),
  orders: [
    { id: "a", town: "groningen", customer: "A", pallets: 10, ready: hm(7), due: hm(8), serviceMin: 20 },
    {
      id: "b",
      town: "assen",
      customer: "B",
      pallets: 10,
      ready: hm(7),
      due: hm(8),
      serviceMin: 30,
      floor: { text: { nl: "x", en: "x" }, notBefore: hm(10) },
    },
    { id: "c", town: "emmen", customer: "C", pallets: 1, ready: hm(7), due: hm(17), serviceMin: 10 },
  ],
  fleet: [
    { id: "r1", type: "diesel-rigid" },
    { id: "e1", type: "electric-rigid" },
  ],
  disruptions: [],
};

describe("geography", () => {
  it("measures great-circle and road distance", () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.19508, 4);
    expect(roadKm(DEPOT, town("groningen"))).toBeCloseTo(KM_DEPOT_GRONINGEN, 6);
    expect(driveMinutes(60)).toBe(60);
    expect(driveMinutes(30, 2)).toBe(60);
    expect(() => town("atlantis")).toThrow(RangeError);
  });
});

describe("plan evaluation", () => {
  it("computes km, hours, cost, CO2, lateness and load of a route exactly", () => {
    const kpi = evaluatePlan(scenario, { routes: [{ vehicle: "r1", orders: ["a", "b"] }] });
    const km = KM_DEPOT_GRONINGEN + KM_GRONINGEN_ASSEN + KM_ASSEN_DEPOT;
    const r = kpi.routes[0];
    expect(r?.km).toBeCloseTo(km, 3);
    // Starts at 07:00 (the day starts; the first window is open), sets off after the dock time, drives at 60 km/h.
    const arriveA = hm(7) + DEPOT_LOADING_MIN + KM_DEPOT_GRONINGEN;
    const arriveB = arriveA + 20 + KM_GRONINGEN_ASSEN;
    // Floor knowledge: Assen takes no lorry before 10:00, so the driver waits; due 08:00, so late.
    expect(r?.stops[1]?.arrival).toBeCloseTo(arriveB, 2);
    expect(r?.stops[1]?.start).toBe(hm(10));
    expect(r?.stops[1]?.minutesLate).toBe(120);
    const end = hm(10) + 30 + KM_ASSEN_DEPOT;
    expect(r?.workHours).toBeCloseTo((end - hm(7)) / 60, 3);
    expect(r?.driveHours).toBeCloseTo(km / 60, 3);
    const spec = VEHICLES["diesel-rigid"];
    expect(r?.cost).toBeCloseTo(
      spec.fixedCostPerDay + spec.costPerKm * km + spec.costPerHour * ((end - hm(7)) / 60),
      1,
    );
    expect(r?.co2Kg).toBeCloseTo((km * spec.co2GramPerKm) / 1000, 2);
    expect(r?.pallets).toBe(20);
    expect(r?.overCapacity).toBe(true);
    expect(kpi.late).toBe(1);
    expect(kpi.unplanned).toEqual(["c"]);
    // The wait at Assen (more than 45 minutes) is the driver's break; no breach of the driving-time rules.
    expect(r?.breaks).toEqual([{ start: Math.round(arriveB * 100) / 100, minutes: 45, after: 2, onRoad: false }]);
    expect([kpi.breaks, kpi.breakMinutes, kpi.drivingBreaches]).toEqual([1, 45, 0]);
    // Without floor knowledge (what the optimiser sees) the same route is on time at Assen.
    const naive = evaluatePlan(scenario, { routes: [{ vehicle: "r1", orders: ["a", "b"] }] }, { floor: false });
    expect(naive.routes[0]?.stops[1]?.minutesLate).toBeCloseTo(Math.max(0, arriveB - hm(8)), 2);
  });

  it("starts every route with the dock time at the depot, just in time for the first window, and after a hold", () => {
    const late: Scenario = {
      ...scenario,
      orders: [{ id: "x", town: "assen", customer: "X", pallets: 4, ready: hm(10), due: hm(12), serviceMin: 22 }],
    };
    const drive = KM_ASSEN_DEPOT;
    const r = evaluatePlan(late, { routes: [{ vehicle: "r1", orders: ["x"] }] }).routes[0];
    // The driver comes in for the dock time and the drive, and is in Assen as the window opens.
    expect(r?.stops[0]?.leave).toBeCloseTo(hm(10) - drive - DEPOT_LOADING_MIN, 1);
    expect(r?.stops[0]?.arrival).toBeCloseTo(hm(10), 1);
    expect(r?.workHours).toBeCloseTo((DEPOT_LOADING_MIN + drive + 22 + drive) / 60, 4);
    expect(r?.driveHours).toBeCloseTo((2 * drive) / 60, 4);
    // Held at the depot until 11:00 (a replan during the day): the dock time comes after it.
    const held = evaluatePlan(
      late,
      { routes: [{ vehicle: "r1", orders: ["x"] }] },
      { holds: { r1: [{ after: 0, until: hm(11) }] } },
    );
    expect(held.routes[0]?.stops[0]?.arrival).toBeCloseTo(hm(11) + DEPOT_LOADING_MIN + drive, 1);
  });

  it("flags range and lists bad input as problems without counting it", () => {
    const kpi = evaluatePlan(scenario, {
      routes: [
        { vehicle: "e1", orders: ["c", "c", "zz"] },
        { vehicle: "ghost", orders: ["a"] },
        { vehicle: "e1", orders: ["a"] },
      ],
    });
    expect(kpi.problems).toEqual([
      { code: "DOUBLE_ORDER", order: "c" },
      { code: "UNKNOWN_ORDER", order: "zz" },
      { code: "UNKNOWN_VEHICLE", vehicle: "ghost" },
      { code: "DOUBLE_VEHICLE", vehicle: "e1" },
    ]);
    expect(kpi.deliveries).toBe(1);
    expect(kpi.routes[0]?.overRange).toBe(kpi.routes[0] ? kpi.routes[0].km > 250 : false);
    expect(kpi.unplanned).toEqual(["a", "b"]);
  });
});
