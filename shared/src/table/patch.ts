import { applyPatch, type Operation } from "fast-json-patch/index.mjs";
import type { z } from "zod";
import type { patchOperationSchema } from "./view.js";

/** One JSON patch operation of the view route. */
export type ViewOperation = z.infer<typeof patchOperationSchema>;

type Json = unknown;

const isContainer = (v: Json): v is Record<string, Json> | Json[] => typeof v === "object" && v !== null;
const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Operations already worked out for a pair of containers (by identity), with
 * paths relative to the pair: views of several seats built from one state
 * share their parts, and a part two seats share is compared once.
 */
export type DiffMemo = Map<object, Map<object, ViewOperation[]>>;

/** Containers this near the root are worth remembering (deeper ones are cheap and many). */
const MEMO_DEPTH = 2;

function diffInto(before: Json, after: Json, path: string, out: ViewOperation[], memo?: DiffMemo, depth = 0): void {
  if (before === after) return;
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) {
    out.push({ op: "replace", path, value: after });
    return;
  }
  if (memo && depth > 0 && depth <= MEMO_DEPTH) {
    let known = memo.get(before)?.get(after);
    if (!known) {
      known = [];
      diffContainer(before, after, "", known, memo, depth);
      const byAfter = memo.get(before) ?? new Map<object, ViewOperation[]>();
      byAfter.set(after, known);
      memo.set(before, byAfter);
    }
    for (const op of known) out.push({ ...op, path: path + op.path });
    return;
  }
  diffContainer(before, after, path, out, memo, depth);
}

function diffContainer(
  before: Record<string, Json> | Json[],
  after: Record<string, Json> | Json[],
  path: string,
  out: ViewOperation[],
  memo: DiffMemo | undefined,
  depth: number,
): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    const local: ViewOperation[] = [];
    const common = Math.min(before.length, after.length);
    // Items that are the same object are skipped in a tight loop (a log that grew shares all its old items).
    let same = 0;
    while (same < common && before[same] === after[same]) same++;
    for (let i = same; i < common; i++)
      if (before[i] !== after[i]) diffInto(before[i], after[i], `${path}/${i}`, local, memo, depth + 1);
    for (let i = common; i < after.length; i++) local.push({ op: "add", path: `${path}/-`, value: after[i] });
    for (let i = before.length - 1; i >= after.length; i--) local.push({ op: "remove", path: `${path}/${i}` });
    // An array that shifted (an item taken off the front) is cheaper sent whole than item by item.
    if (local.length > 1 && JSON.stringify(local).length > JSON.stringify(after).length + 40) {
      out.push({ op: "replace", path, value: after });
    } else out.push(...local);
    return;
  }
  const a = before as Record<string, Json>;
  const b = after as Record<string, Json>;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    const av = a[key];
    const bv = Object.hasOwn(b, key) ? b[key] : undefined;
    if (av === bv || av === undefined) continue;
    if (bv === undefined) out.push({ op: "remove", path: `${path}/${escape(key)}` });
    else diffInto(av, bv, `${path}/${escape(key)}`, out, memo, depth + 1);
  }
  for (const key in b) {
    if (!Object.hasOwn(b, key) || b[key] === undefined || (Object.hasOwn(a, key) && a[key] !== undefined)) continue;
    out.push({ op: "add", path: `${path}/${escape(key)}`, value: b[key] });
  }
}

/**
 * The operations that turn view `before` into view `after` (RFC 6902:
 * add, remove, replace). Parts of the two that are the same object are
 * skipped without a look inside, so a view built from an unchanged part of
 * the state costs nothing to compare; items appended to an array are added
 * at its end, and an array whose items shifted is replaced whole when that
 * is shorter than the item-by-item changes. Values are shared, not copied.
 * With a `memo` shared by the diffs of one change (one per seat), a pair of
 * parts the seats share is compared once.
 */
export function diffViews(before: unknown, after: unknown, memo?: DiffMemo): ViewOperation[] {
  const out: ViewOperation[] = [];
  diffInto(before, after, "", out, memo);
  return out;
}

/** `view` with `ops` applied (by fast-json-patch), as a new document; the old one is left as it was. */
export function patchView<T>(view: T, ops: readonly ViewOperation[]): T {
  return applyPatch(view, ops as Operation[], false, false).newDocument;
}

/** Applies `ops` to `view` itself (for holders of many views that never need the old one, like a load generator). */
export function patchViewInPlace<T>(view: T, ops: readonly ViewOperation[]): T {
  return applyPatch(view, ops as Operation[], false, true).newDocument;
}
