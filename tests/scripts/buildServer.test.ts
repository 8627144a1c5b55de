import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildServer } from "../../scripts/build-server.js";

// Into a folder of its own, so a server running from dist/server keeps its files.
const outDir = mkdtempSync(path.join(tmpdir(), "iot-server-build-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Every module specifier a built file imports, statically or with `import()`. */
function importsOf(code: string): string[] {
  const specs = [...code.matchAll(/\b(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/g)].map((m) => m[1]);
  const bare = [...code.matchAll(/\bimport\s*["']([^"']+)["']/g)].map((m) => m[1]);
  const dynamic = [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  return [...specs, ...bare, ...dynamic].filter((s): s is string => s !== undefined);
}

describe("server build (npm run build:server)", () => {
  it("writes main.js and worker.js with source maps, the shared rules bundled in, no tsx", async () => {
    await buildServer(outDir);
    for (const file of ["main.js", "main.js.map", "worker.js", "worker.js.map"]) {
      expect(existsSync(path.join(outDir, file)), file).toBe(true);
    }
    const js = readdirSync(outDir).filter((f) => f.endsWith(".js"));
    for (const file of js) {
      const code = readFileSync(path.join(outDir, file), "utf8");
      const imports = importsOf(code);
      expect(
        imports.filter((s) => s === "tsx" || s.startsWith("tsx/")),
        file,
      ).toEqual([]);
      expect(
        imports.filter((s) => /\.[cm]?tsx?$/.test(s)),
        file,
      ).toEqual([]);
      expect(
        imports.filter((s) => s.startsWith("@iot/")),
        file,
      ).toEqual([]);
      // Relative imports are the build's own chunks, beside the entries.
      for (const s of imports.filter((x) => x.startsWith(".")))
        expect(js, `${file} imports ${s}`).toContain(s.slice(2));
    }
    const main = readFileSync(path.join(outDir, "main.js"), "utf8");
    expect(importsOf(main)).toEqual(expect.arrayContaining(["@colyseus/core", "express", "kysely", "pg", "pdfkit"]));
    const map = JSON.parse(readFileSync(path.join(outDir, "main.js.map"), "utf8")) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith("server/src/main.ts"))).toBe(true);
    expect(map.sources.some((s) => s.includes("shared/src/"))).toBe(true);
  });
});
