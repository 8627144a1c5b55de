/**
 * Lists of names and words inside sentences, as each language writes them:
 * "Jij en Bot 2", "Anna, Bram en Bot 3" in Dutch; "You and Bot 2",
 * "Anna, Bram, and Bot 3" in English (the conjunction style of CLDR, through
 * `Intl.ListFormat`).
 */
import type { Lang } from "../protocol.js";

const formats = new Map<Lang, Intl.ListFormat>();

function format(lang: Lang): Intl.ListFormat {
  let found = formats.get(lang);
  if (!found) {
    found = new Intl.ListFormat(lang, { type: "conjunction", style: "long" });
    formats.set(lang, found);
  }
  return found;
}

/**
 * `items` as one list with "en"/"and" before the last item, in `lang`:
 * `[]` gives `""`, one item itself, two `"A en B"`, more `"A, B en C"`
 * (English `"A, B, and C"`). The items are kept as given (names isolated
 * for bidi stay isolated).
 */
export function listText(items: readonly string[], lang: Lang): string {
  return format(lang).format(items);
}

/**
 * The people of `names` as a list in `lang`, with the reader first when they
 * are among them: `you` is the word for the reader ("Jij", "You") and
 * `youAt` their index in `names` (-1 when they are not among them). The
 * others keep their order. `["Bot 1", "Anna", "Bot 2"]` with `youAt` 1 and
 * `you` "Jij" gives "Jij, Bot 1 en Bot 2".
 */
export function peopleList(names: readonly string[], lang: Lang, you: string, youAt: number): string {
  if (youAt < 0 || youAt >= names.length) return listText(names, lang);
  const others = names.filter((_n, i) => i !== youAt);
  return listText([you, ...others], lang);
}
