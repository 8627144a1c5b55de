/**
 * Text typed by people (names, titles, notes, messages): the one rule that
 * cleans it at the boundary, and unique display names.
 */

/** Display names: 1-24 characters after cleaning (protocol). */
export const MAX_NAME_LENGTH = 24;

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * Invisible format characters (Unicode category Cf), with two emoji
 * sequences kept whole: a zero-width joiner between two emoji (optionally
 * after a skin tone or VS16) and the tag characters of a subdivision flag.
 */
const FORMAT =
  /(\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})?)(\u200D)(?=\p{Extended_Pictographic})|(\u{1F3F4})([\u{E0020}-\u{E007E}]+\u{E007F})|\p{Cf}/gu;

/**
 * Cleans text a person typed, as the server accepts it:
 * - control characters (U+0000-U+001F, U+007F-U+009F) become spaces;
 * - every invisible format character (Unicode category Cf) is removed: the bidi
 *   controls U+202A-U+202E, U+2066-U+2069, U+200E, U+200F and U+061C, the
 *   zero-width U+200B, U+200C (ZWNJ, also in Persian words) and U+200D, U+FEFF,
 *   U+2060-U+2064, the soft hyphen U+00AD, the Arabic number signs
 *   U+0600-U+0605, tag characters U+E0000-U+E007F;
 *   kept only: U+200D between two emoji (👩‍💻, 👨‍👩‍👧) and the tags of a
 *   subdivision flag after U+1F3F4 (🏴󠁧󠁢󠁳󠁣󠁴󠁿);
 * - the result is normalised (NFC), runs of white space (NBSP and the line
 *   separators too) become one space, and the ends are trimmed.
 *
 * Idempotent: `cleanText(cleanText(s)) === cleanText(s)`.
 */
export function cleanText(text: string): string {
  return text
    .replace(CONTROLS, " ")
    .replace(FORMAT, (_all, emoji?: string, zwj?: string, flag?: string, tags?: string) =>
      emoji !== undefined ? emoji + zwj : flag !== undefined ? flag + tags : "",
    )
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
}

/** How names compare for uniqueness: cleaned, case-insensitive. */
function nameKey(name: string): string {
  return cleanText(name).toLowerCase();
}

/**
 * `name`, or `name (2)`, `name (3)`, ... the first that is not in `taken`
 * (compared cleaned and case-insensitive). The base is shortened, by whole
 * code points, so the result stays within `max` characters.
 */
export function uniqueName(name: string, taken: readonly string[], max = MAX_NAME_LENGTH): string {
  const used = new Set(taken.map(nameKey));
  if (!used.has(nameKey(name))) return name;
  const points = Array.from(name);
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    let base = points;
    while (base.length > 0 && base.join("").length + suffix.length > max) base = base.slice(0, -1);
    const candidate = base.join("").trimEnd() + suffix;
    if (!used.has(nameKey(candidate))) return candidate;
  }
}
