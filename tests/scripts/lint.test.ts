import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

describe("lint keeps shared/ pure", () => {
  it("forbids frameworks, Node built-ins, clocks, timers and Math.random in shared/", async () => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const code = [
      'import { Room } from "@colyseus/core";',
      'import Phaser from "phaser";',
      'import { readFileSync } from "node:fs";',
      "export const a = [Room, Phaser, readFileSync];",
      "export const b = Math.random() + Date.now() + new Date().getTime();",
      "setTimeout(() => a, 1);",
      "",
    ].join("\n");
    const [result] = await eslint.lintText(code, { filePath: "shared/src/probe.ts" });
    const rules = (result?.messages ?? []).map((m) => m.ruleId);
    expect(rules.filter((r) => r === "no-restricted-imports")).toHaveLength(3);
    expect(rules.filter((r) => r === "no-restricted-properties")).toHaveLength(2);
    expect(rules).toContain("no-restricted-syntax");
    expect(rules).toContain("no-restricted-globals");
    const [server] = await eslint.lintText(code, { filePath: "server/src/probe.ts" });
    expect((server?.messages ?? []).filter((m) => String(m.ruleId).startsWith("no-restricted"))).toHaveLength(0);
  });
});
