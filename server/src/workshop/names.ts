/**
 * Participants' names within one workshop: no two may be the same as people
 * read them, so case and accents do not make a name new ("Zoë" is "zoe").
 */
import { cleanText, MAX_NAME_LENGTH } from "@iot/shared/text";

/**
 * How names compare within a workshop: cleaned (NFC), then decomposed with
 * every combining mark (Unicode category M) removed, lower-cased in the root
 * locale. "Zoë", "ZOE" and "zoe" share one key.
 */
export function nameKey(name: string): string {
  return cleanText(name).normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").toLocaleLowerCase("und");
}

/** Whether `name` is among `taken` by {@link nameKey}. */
export function nameTaken(name: string, taken: readonly string[]): boolean {
  const key = nameKey(name);
  return taken.some((t) => nameKey(t) === key);
}

/**
 * The first of `name 2`, `name 3`, ... not among `taken` (by {@link nameKey}),
 * the base shortened by whole code points so the result stays within `max`
 * UTF-16 units (the join schema's limit) and is clean text itself.
 */
export function freeName(name: string, taken: readonly string[], max = MAX_NAME_LENGTH): string {
  const used = new Set(taken.map(nameKey));
  const points = Array.from(cleanText(name));
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    let keep = points.length;
    let base = cleanText(points.join(""));
    while (keep > 1 && base.length + suffix.length > max) base = cleanText(points.slice(0, --keep).join(""));
    const candidate = `${base}${suffix}`;
    if (!used.has(nameKey(candidate))) return candidate;
  }
}
