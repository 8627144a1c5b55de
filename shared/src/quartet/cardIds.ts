/**
 * Theme and card identifiers of the printed NCSI/PSW quartet "Innovation on
 * Track": 5 themes in the printed order, 4 cards each (n = 1..4 in the printed
 * order). Ids are part of the public room protocol.
 */
export const THEME_IDS = ["netwerk", "beleven", "kennisoverdracht", "geld", "beleid"] as const;
export type ThemeId = (typeof THEME_IDS)[number];

/** Cards per theme: a quartet. */
export const CARDS_PER_THEME = 4;

export type CardNumber = 1 | 2 | 3 | 4;
export type CardId = `${ThemeId}-${CardNumber}`;

/** All 20 card ids, theme by theme in the printed order. */
export const CARD_IDS: readonly CardId[] = THEME_IDS.flatMap((theme) =>
  ([1, 2, 3, 4] as const).map((n): CardId => `${theme}-${n}`),
);

/** Total cards in the deck (5 x 4 = 20). */
export const DECK_SIZE = CARD_IDS.length;

const CARD_ID_SET: ReadonlySet<string> = new Set(CARD_IDS);
const THEME_ID_SET: ReadonlySet<string> = new Set(THEME_IDS);

/** True when `value` is one of the 20 card ids. */
export function isCardId(value: unknown): value is CardId {
  return typeof value === "string" && CARD_ID_SET.has(value);
}

/** True when `value` is one of the 5 theme ids. */
export function isThemeId(value: unknown): value is ThemeId {
  return typeof value === "string" && THEME_ID_SET.has(value);
}

/** The four cards of each theme, in the printed order. */
export const THEME_CARDS: Readonly<Record<ThemeId, readonly CardId[]>> = Object.fromEntries(
  THEME_IDS.map((theme) => [theme, CARD_IDS.filter((c) => c.startsWith(`${theme}-`))]),
) as unknown as Record<ThemeId, readonly CardId[]>;

const THEME_OF: ReadonlyMap<CardId, ThemeId> = new Map(
  CARD_IDS.map((c) => [c, c.slice(0, c.lastIndexOf("-")) as ThemeId]),
);

/** The theme of a card id. */
export function themeOf(card: CardId): ThemeId {
  return THEME_OF.get(card) as ThemeId;
}

/** The number (1..4) of a card id. */
export function numberOf(card: CardId): CardNumber {
  return Number(card.slice(card.lastIndexOf("-") + 1)) as CardNumber;
}

/** The four card ids of a theme, in the printed order. */
export function cardsOfTheme(theme: ThemeId): CardId[] {
  return THEME_CARDS[theme].slice();
}
