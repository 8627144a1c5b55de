/**
 * The deck's texts and looks in the chosen language, from the shared deck
 * (`shared/src/quartet/deck.ts`).
 */
import { THEME_IDS, type CardId, type ThemeId } from "@iot/shared/quartet/cardIds";
import type { Lang } from "../../net/constants.js";
import { card, INTRO, theme as themeInfo } from "@iot/shared/quartet/deck";

export interface CardLink {
  label: string;
  url: string;
}

/** Everything printed on a card, in one language. */
export interface CardTexts {
  title: string;
  action: string;
  example: string;
  tip: string;
  links: CardLink[];
}

/** The theme's name in `lang`. */
export function themeName(theme: ThemeId, lang: Lang): string {
  return themeInfo(theme).name[lang];
}

const COMPOUND_TAILS = ["overdracht", "uitwisseling", "ontwikkeling", "samenwerking", "innovatie", "transfer"];

/**
 * The theme's name for the narrow band of a card: long compound words get a
 * soft hyphen where they may break (e.g. "Kennis-overdracht").
 */
export function bandName(theme: ThemeId, lang: Lang): string {
  return themeName(theme, lang)
    .split(" ")
    .map((word) => {
      if (word.length < 12) return word;
      const tail = COMPOUND_TAILS.find((t) => word.toLowerCase().endsWith(t) && word.length > t.length + 2);
      return tail ? `${word.slice(0, word.length - tail.length)}\u00ad${word.slice(word.length - tail.length)}` : word;
    })
    .join(" ");
}

/** The theme's colour (#rrggbb). */
export function themeColour(theme: ThemeId): string {
  return themeInfo(theme).color;
}

/** The Lucide icon name of every theme. */
export function themeIconNames(): Record<ThemeId, string> {
  return Object.fromEntries(THEME_IDS.map((t) => [t, themeInfo(t).icon])) as Record<ThemeId, string>;
}

/** The card's texts in `lang`. */
export function cardTexts(id: CardId, lang: Lang): CardTexts {
  const c = card(id);
  return {
    title: c.title[lang],
    action: c.action[lang],
    example: c.example[lang],
    tip: c.tip[lang],
    links: c.links.map((url) => ({ url, label: linkLabel(url) })),
  };
}

/** A link's readable name: its host and path without the scheme and "www.". */
export function linkLabel(url: string): string {
  return url
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/$/, "");
}

/** The deck's 1 + 1 = 4 message and tagline in `lang`. */
export function introTexts(lang: Lang): { tagline: string; message: string } {
  return { tagline: INTRO.tagline[lang], message: INTRO.message[lang] };
}

/** The card's title in `lang`. */
export function cardTitle(card: CardId, lang: Lang): string {
  return cardTexts(card, lang).title;
}
