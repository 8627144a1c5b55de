/**
 * The routing solver of another git revision, for `bench:solver --against`:
 * that revision's `shared/src` is read from git into
 * `artifacts/solver-at/<commit>/` (once per commit) and its `solveVrp`
 * imported from there, so two versions run side by side in one process, on
 * the same instances, under the same load.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { solveVrp } from "@iot/shared/planner/solver/sisr";

/** The repository's root (this file lives in scripts/). */
const REPO = path.resolve(import.meta.dirname, "..");
/** Where each revision's sources are kept (ignored by git, lint and format). */
const CACHE = path.join(REPO, "artifacts", "solver-at");
/** The solver's entry in a revision's tree. */
const ENTRY = "shared/src/planner/solver/sisr.ts";

/** The same call as today's `solveVrp`: a revision's solver takes the instance and options it knows. */
type SolveFn = typeof solveVrp;

const git = (args: string[]) =>
  execFileSync("git", args, { cwd: REPO, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });

/**
 * The commit `rev` names and its `solveVrp` (every revision of this
 * repository's solver takes the iteration budget, `maxIterations`). Throws an Error that says what is
 * wrong when git does not know `rev` or the revision has no solver.
 */
export async function solverAt(rev: string): Promise<{ commit: string; solve: SolveFn }> {
  let commit: string;
  try {
    commit = git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).trim();
  } catch {
    throw new Error(`--against: git knows no revision "${rev}" in ${REPO}`);
  }
  const dir = path.join(CACHE, commit);
  if (!existsSync(path.join(dir, ENTRY))) {
    const files = git(["ls-tree", "-r", "-z", "--name-only", commit, "--", "shared/src"]).split("\0").filter(Boolean);
    if (!files.includes(ENTRY)) throw new Error(`--against: revision ${rev} (${commit.slice(0, 7)}) has no ${ENTRY}`);
    // Copies an interrupted run left behind (written beside, renamed at the end: never a half tree in `dir`).
    mkdirSync(CACHE, { recursive: true });
    for (const old of readdirSync(CACHE))
      if (old.startsWith(`${commit}.`) && old.endsWith(".tmp"))
        rmSync(path.join(CACHE, old), { recursive: true, force: true });
    const tmp = `${dir}.${process.pid}.tmp`;
    for (const f of files) {
      const out = path.join(tmp, f);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, execFileSync("git", ["show", `${commit}:${f}`], { cwd: REPO, maxBuffer: 1 << 28 }));
    }
    // Another run may have finished the same copy meanwhile: then its copy stands.
    if (existsSync(path.join(dir, ENTRY))) rmSync(tmp, { recursive: true, force: true });
    else {
      rmSync(dir, { recursive: true, force: true });
      renameSync(tmp, dir);
    }
  }
  const mod = (await import(pathToFileURL(path.join(dir, ENTRY)).href)) as { solveVrp?: SolveFn };
  if (typeof mod.solveVrp !== "function")
    throw new Error(`--against: ${ENTRY} at ${commit.slice(0, 7)} has no solveVrp`);
  return { commit, solve: mod.solveVrp };
}
