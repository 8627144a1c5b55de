/**
 * User-given names (players, participants, planners, workshop titles) shown
 * isolated, so a name's direction (an Arabic name, a stray bidi control)
 * cannot leak into the sentence around it: in the DOM as `<bdi>`, in plain
 * strings (live regions, `document.title`, the canvas) between the Unicode
 * isolates U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE.
 * Names are always text children, never markup.
 */
import { h, type ComponentChild } from "preact";

const FSI = "\u2068";
const PDI = "\u2069";
const ISOLATED = /\u2068([^\u2068\u2069]*)\u2069/g;

/** `name` between U+2068 and U+2069, for strings (the server removes both from names, so they only come from here). */
export function isolate(name: string): string {
  return FSI + name + PDI;
}

/** `name` as a `<bdi>` element. */
export function bdi(name: string): ComponentChild {
  return h("bdi", {}, name);
}

/**
 * A sentence with isolated names (from `isolate`, e.g. an i18n template
 * filled with isolated names) as DOM children: every isolated part becomes a
 * `<bdi>`, the rest stays text. With `keepMarks` the isolates stay around
 * the `<bdi>` (invisible), so the element's text is the string itself (the
 * log: the same line as the live region and the card buttons' labels say).
 */
export function withNames(text: string, keepMarks = false): ComponentChild {
  if (!text.includes(FSI)) return text;
  const parts: ComponentChild[] = [];
  let last = 0;
  for (const m of text.matchAll(ISOLATED)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    if (keepMarks) parts.push(FSI, bdi(m[1] ?? ""), PDI);
    else parts.push(bdi(m[1] ?? ""));
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
