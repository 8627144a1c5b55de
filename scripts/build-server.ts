/**
 * Builds the game server for production with rolldown: `dist/server/main.js`
 * (from `server/src/main.ts`) and the solver's worker thread
 * `dist/server/worker.js` (from `server/src/planner/worker.ts`), ES modules
 * for Node with source maps beside them (run with `--enable-source-maps`, so
 * stack traces name the TypeScript files). The shared rules (`@iot/shared/*`,
 * TypeScript source) are bundled in; every other package and Node's built-ins
 * stay imports, resolved from node_modules at run time.
 *
 * Usage: `npm run build:server` (or `tsx scripts/build-server.ts [OUT_DIR]`).
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type RolldownOutput } from "rolldown";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where `npm run build:server` writes. */
export const SERVER_DIST = path.join(root, "dist/server");

/** The two entries: the server and the solver worker, which `solverWorker.ts` looks for next to itself. */
export const SERVER_ENTRIES = {
  main: path.join(root, "server/src/main.ts"),
  worker: path.join(root, "server/src/planner/worker.ts"),
};

/** True for imports that stay imports: packages from node_modules and Node built-ins, but not the shared rules. */
export function isExternal(id: string): boolean {
  if (id.startsWith("@iot/shared/") || id === "@iot/shared") return false;
  if (id.startsWith(".") || path.isAbsolute(id) || id.startsWith("\0")) return false;
  return true;
}

/** Builds the server into `outDir` (emptied first); resolves with the files written. */
export async function buildServer(outDir: string = SERVER_DIST): Promise<RolldownOutput> {
  await rm(outDir, { recursive: true, force: true });
  return build({
    cwd: root,
    input: SERVER_ENTRIES,
    platform: "node",
    tsconfig: path.join(root, "server/tsconfig.json"),
    external: isExternal,
    // The sources import each other as `./app.js` (TypeScript's ESM style) for the files `./app.ts`.
    resolve: { extensionAlias: { ".js": [".ts", ".js"] } },
    transform: { target: "node22" },
    output: {
      dir: outDir,
      format: "esm",
      sourcemap: true,
      entryFileNames: "[name].js",
      // Chunks shared by both entries sit beside them, so `import.meta.url` keeps naming this folder.
      chunkFileNames: "[name]-[hash].js",
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : SERVER_DIST;
  const { output } = await buildServer(outDir);
  const files = output.filter((o) => !o.fileName.endsWith(".map")).map((o) => o.fileName);
  const ms = Math.round(performance.now() - started);
  console.log(`server built into ${path.relative(root, outDir) || "."} in ${ms} ms: ${files.join(", ")}`);
}
