import type { Lang } from "../protocol.js";

/** A workshop's title is at most this many characters (the API's limit). */
export const MAX_WORKSHOP_TITLE = 120;

/** What a duplicated workshop's title gets behind the original's, in the workshop's language. */
export const copySuffix: Record<Lang, string> = { nl: " (kopie)", en: " (copy)" };

/**
 * The title of a copy of the workshop titled `title`: the original's, cut by
 * whole code points so the suffix fits within {@link MAX_WORKSHOP_TITLE}.
 */
export function copyTitle(title: string, lang: Lang): string {
  const suffix = copySuffix[lang];
  const room = MAX_WORKSHOP_TITLE - [...suffix].length;
  return [...title].slice(0, room).join("").trimEnd() + suffix;
}
