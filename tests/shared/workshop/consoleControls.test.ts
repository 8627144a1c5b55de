import { describe, expect, it } from "vitest";
import {
  consoleControls,
  QUARTETS_PER_TABLE,
  tableProgress,
  tablesStarted,
  type ConsoleControlKind,
} from "@iot/shared/workshop/consoleControls";
import type {
  Overview,
  OverviewTable,
  PlannerTableSummary,
  QuartetTableSummary,
  WorkshopInfo,
} from "@iot/shared/workshop/responses";
import type { WorkshopGame, WorkshopStatus } from "@iot/shared/workshop/constants";

const workshop = (game: WorkshopGame, status: WorkshopStatus): WorkshopInfo => ({
  id: "w1",
  code: "ABCDEF",
  title: "Regio",
  lang: "nl",
  game,
  status,
  message: "",
  tableSize: 4,
  botLevel: "medium",
  turnSeconds: 0,
  rules: {},
  difficulty: 1,
  roundMinutes: 0,
  createdAt: "2026-12-01T10:00:00.000Z",
  endedAt: status === "ended" ? "2026-12-01T12:00:00.000Z" : null,
  locked: false,
  archivedAt: null,
});

const quartet = (over: Partial<QuartetTableSummary> = {}): QuartetTableSummary => ({
  game: "quartet",
  phase: "playing",
  paused: false,
  idleMs: 0,
  turnName: "Anna",
  asks: 3,
  players: [
    { name: "Anna", isBot: false, connected: true, handCount: 5, quartets: 1 },
    { name: "Bot", isBot: true, connected: true, handCount: 4, quartets: 2 },
  ],
  ...over,
});

const planner = (over: Partial<PlannerTableSummary> = {}): PlannerTableSummary => ({
  game: "planner",
  phase: "round",
  paused: false,
  idleMs: 0,
  round: 1,
  clock: 480,
  planners: [],
  regionKm: 0,
  regionCo2Kg: 0,
  regionKmRound3: 0,
  regionCo2KgRound3: 0,
  ...over,
});

const table = (number: number, status: OverviewTable["status"], live: OverviewTable["live"] = null): OverviewTable => ({
  id: `t${number}`,
  number,
  status,
  roomId: status === "forming" ? "" : `room${number}`,
  participants: [],
  live,
});

const overview = (game: WorkshopGame, status: WorkshopStatus, tables: OverviewTable[], waiting = 0): Overview => ({
  workshop: workshop(game, status),
  participants: Array.from({ length: waiting }, (_, i) => ({
    id: `p${i}`,
    name: `P${i}`,
    role: "",
    phase: "",
    tableId: null,
  })),
  tables,
});

const kinds = (o: Overview): ConsoleControlKind[] => consoleControls(o).map((c) => c.kind);

describe("the console's controls", () => {
  it("before the start: seat the waiting, start, end; no pause, resume or next round", () => {
    expect(kinds(overview("quartet", "lobby", [], 3))).toEqual(["formTables", "startAll", "end"]);
    expect(kinds(overview("planner", "lobby", [table(1, "forming")]))).toEqual(["startAll", "end"]);
  });

  it("a quartet workshop never offers the planner's next round, whatever its tables do", () => {
    const phases: QuartetTableSummary["phase"][] = ["waiting", "playing", "finished"];
    for (const phase of phases)
      for (const paused of [false, true]) {
        const o = overview("quartet", "running", [table(1, "playing", quartet({ phase, paused }))]);
        expect(kinds(o)).not.toContain("next");
        expect(kinds(o)).not.toContain("startAll");
      }
  });

  it("pause while a table plays, resume while it is paused, never both for one state", () => {
    expect(kinds(overview("quartet", "running", [table(1, "playing", quartet())]))).toEqual(["pause", "end"]);
    expect(kinds(overview("quartet", "running", [table(1, "playing", quartet({ paused: true }))]))).toEqual([
      "resume",
      "end",
    ]);
    // A table started during a pause plays while the other waits: both apply.
    expect(
      kinds(
        overview("quartet", "running", [
          table(1, "playing", quartet({ paused: true })),
          table(2, "playing", quartet()),
        ]),
      ),
    ).toEqual(["pause", "resume", "end"]);
    // Finished tables cannot be paused.
    expect(
      kinds(
        overview("quartet", "running", [table(1, "playing", quartet({ phase: "finished" })), table(2, "finished")]),
      ),
    ).toEqual(["end"]);
  });

  it("a planner workshop's next step says what it does at the regions", () => {
    const under = overview("planner", "running", [table(1, "playing", planner({ phase: "round", round: 2 }))]);
    expect(consoleControls(under)).toContainEqual({ kind: "next", step: { kind: "end", round: 2 } });
    const review = overview("planner", "running", [table(1, "playing", planner({ phase: "review", round: 2 }))]);
    expect(consoleControls(review)).toContainEqual({ kind: "next", step: { kind: "start", round: 3 } });
    const waiting = overview("planner", "running", [table(1, "playing", planner({ phase: "waiting", round: 0 }))]);
    expect(consoleControls(waiting)).toContainEqual({ kind: "next", step: { kind: "start", round: 1 } });
    // Regions at different steps: the one button moves each on, without a step to name.
    const mixed = overview("planner", "running", [
      table(1, "playing", planner({ phase: "round", round: 2 })),
      table(2, "playing", planner({ phase: "review", round: 2 })),
    ]);
    expect(consoleControls(mixed)).toContainEqual({ kind: "next", step: null });
    // After the last round there is no next step.
    const last = overview("planner", "running", [table(1, "playing", planner({ phase: "review", round: 4 }))]);
    expect(kinds(last)).not.toContain("next");
    expect(kinds(overview("planner", "running", [table(1, "finished")]))).toEqual(["end"]);
  });

  it("an ended workshop has no controls", () => {
    expect(consoleControls(overview("planner", "ended", [table(1, "ended")], 2))).toEqual([]);
  });
});

describe("a table's progress", () => {
  it("counts the quartets laid at a quartet table and names whose turn it is", () => {
    expect(tableProgress("quartet", table(3, "playing", quartet()))).toEqual({
      number: 3,
      game: "quartet",
      stage: "playing",
      paused: false,
      turnName: "Anna",
      quartets: 3,
      quartetsTotal: QUARTETS_PER_TABLE,
    });
    expect(QUARTETS_PER_TABLE).toBe(5);
  });

  it("gives a planner region's round of the four", () => {
    expect(tableProgress("planner", table(1, "playing", planner({ phase: "review", round: 2 })))).toMatchObject({
      stage: "playing",
      round: 2,
      rounds: 4,
      underWay: false,
      beforeFirst: false,
      roundsDone: 2,
    });
    expect(tableProgress("planner", table(1, "playing", planner({ phase: "round", round: 3 })))).toMatchObject({
      underWay: true,
      roundsDone: 2,
    });
    expect(tableProgress("planner", table(1, "playing", planner({ phase: "waiting", round: 0 })))).toMatchObject({
      beforeFirst: true,
      roundsDone: 0,
    });
  });

  it("tells forming, opening, finished and ended tables apart", () => {
    expect(tableProgress("quartet", table(1, "forming")).stage).toBe("forming");
    expect(tableProgress("quartet", table(1, "playing")).stage).toBe("opening");
    expect(tableProgress("quartet", table(1, "playing", quartet({ phase: "finished" }))).stage).toBe("finished");
    expect(tableProgress("planner", table(1, "finished")).stage).toBe("finished");
    expect(tableProgress("planner", table(1, "ended")).stage).toBe("ended");
  });

  it("the tables started once one is no longer being formed", () => {
    expect(tablesStarted(overview("quartet", "lobby", [table(1, "forming")]))).toBe(false);
    expect(tablesStarted(overview("quartet", "running", [table(1, "forming"), table(2, "playing")]))).toBe(true);
  });
});
