import { applyPatch, type Operation } from "fast-json-patch/index.mjs";
import type { z } from "zod";
import type { patchOperationSchema } from "./view.js";

/** One JSON patch operation of the view route. */
export type ViewOperation = z.infer<typeof patchOperationSchema>;

type Json = unknown;

const isContainer = (v: Json): v is Record<string, Json> | Json[] => typeof v === "object" && v !== null;
const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

function diffInto(before: Json, after: Json, path: string, out: ViewOperation[]): void {
  if (before === after) return;
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) {
    out.push({ op: "replace", path, value: after });
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const local: ViewOperation[] = [];
    const common = Math.min(before.length, after.length);
    // Items that are the same object are skipped in a tight loop (a log that grew shares all its old items).
    let same = 0;
    while (same < common && before[same] === after[same]) same++;
    for (let i = same; i < common; i++)
      if (before[i] !== after[i]) diffInto(before[i], after[i], `${path}/${i}`, local);
    for (let i = common; i < after.length; i++) local.push({ op: "add", path: `${path}/-`, value: after[i] });
    for (let i = before.length - 1; i >= after.length; i--) local.push({ op: "remove", path: `${path}/${i}` });
    // An array that shifted (an item taken off the front) is cheaper sent whole than item by item.
    if (local.length > 1 && JSON.stringify(local).length > JSON.stringify(after).length + path.length + 30) {
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
    else diffInto(av, bv, `${path}/${escape(key)}`, out);
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
 */
export function diffViews(before: unknown, after: unknown): ViewOperation[] {
  const out: ViewOperation[] = [];
  diffInto(before, after, "", out);
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
