import { describe, expect, it } from "vitest";
import { ManualScheduler } from "../../../server/src/table/scheduler.js";

describe("ManualScheduler", () => {
  it("starts at the given time and moves only with advance", () => {
    const clock = new ManualScheduler(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(250);
    expect(clock.now()).toBe(1_250);
    clock.advance(0);
    expect(clock.now()).toBe(1_250);
  });

  it("runs the timers that fall due in the order they fall due, ties in the order they were set, each at its own time", () => {
    const clock = new ManualScheduler(0);
    const ran: string[] = [];
    const at = (name: string) => () => ran.push(`${name}@${clock.now()}`);
    clock.setTimeout(at("c"), 300);
    clock.setTimeout(at("a"), 100);
    clock.setTimeout(at("b1"), 200);
    clock.setTimeout(at("b2"), 200);
    clock.setTimeout(at("later"), 1_000);
    clock.setTimeout(at("now"), 0);
    clock.setTimeout(at("negative"), -5);
    expect(ran).toEqual([]);
    clock.advance(300);
    expect(ran).toEqual(["now@0", "negative@0", "a@100", "b1@200", "b2@200", "c@300"]);
    expect(clock.now()).toBe(300);
    expect(clock.pending).toBe(1);
    clock.advance(699);
    expect(ran).toHaveLength(6);
    clock.advance(1);
    expect(ran.at(-1)).toBe("later@1000");
    expect(clock.pending).toBe(0);
  });

  it("runs timers set by a running timer within the same advance when they fall due in it, and keeps the rest", () => {
    const clock = new ManualScheduler(0);
    const ran: string[] = [];
    // A chain like a bot's turns or the day's clock: each step sets the next one 400 ms on.
    const step = (n: number) => () => {
      ran.push(`step${n}@${clock.now()}`);
      clock.setTimeout(step(n + 1), 400);
    };
    clock.setTimeout(step(1), 400);
    // Set for 500 ms from the start: runs between step 1 and step 2.
    clock.setTimeout(() => ran.push(`other@${clock.now()}`), 500);
    clock.advance(1_000);
    expect(ran).toEqual(["step1@400", "other@500", "step2@800"]);
    expect(clock.now()).toBe(1_000);
    expect(clock.pending).toBe(1);
    clock.advance(200);
    expect(ran.at(-1)).toBe("step3@1200");
  });

  it("never runs a cleared timer, also one cleared by a timer running before it in the same advance", () => {
    const clock = new ManualScheduler(0);
    const ran: string[] = [];
    const cleared = clock.setTimeout(() => ran.push("cleared"), 100);
    cleared.clear();
    const victim = clock.setTimeout(() => ran.push("victim"), 300);
    clock.setTimeout(() => {
      ran.push("killer");
      victim.clear();
    }, 200);
    clock.setTimeout(() => ran.push("kept"), 400);
    expect(clock.pending).toBe(3);
    clock.advance(1_000);
    expect(ran).toEqual(["killer", "kept"]);
    expect(clock.pending).toBe(0);
    // Clearing a timer that has run changes nothing.
    cleared.clear();
    victim.clear();
    expect(clock.pending).toBe(0);
  });
});
