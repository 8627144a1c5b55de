/**
 * Sentences about the game in the chosen language: the ask in the printed
 * game's form ("Mag ik van Anna uit Geld: Less is more?"), the answer, and
 * the other public events, for the log, the bubble and the live region.
 */
import type { CardId, ThemeId } from "@iot/shared/quartet/cardIds";
import { cardTitle, themeName } from "../deck/index.js";
import { lang, t } from "../../i18n/index.js";
import type { TableEvent, TableState } from "../net/types.js";
import { numberOf, themeOf } from "@iot/shared/quartet/cardIds";
import { isolate } from "../../ui/names.js";

/** Names players by id, the own seat as "you". */
export class Names {
  constructor(
    private readonly state: () => TableState,
    private readonly me: () => string,
  ) {}

  /** The display name of `id` ("Jij"/"You" for the own seat), isolated (U+2068 name U+2069; `withNames` shows it as `<bdi>`). */
  of(id: string): string {
    if (id === this.me()) return t("table.you");
    return isolate(this.state().players.find((p) => p.id === id)?.name || "?");
  }

  /** The plain name of `id`, also for the own seat (isolated: U+2068 name U+2069). */
  plain(id: string): string {
    return isolate(this.state().players.find((p) => p.id === id)?.name || "?");
  }
}

/** The card's title and theme name in the chosen language. */
export function cardParts(card: CardId): { card: string; theme: string } {
  return { card: cardTitle(card, lang()), theme: themeName(themeOf(card), lang()) };
}

/** The theme's name in the chosen language. */
export function themeLabel(theme: ThemeId): string {
  return themeName(theme, lang());
}

/** The ask as a question, as said at the table: the card by its number in the set and its title. */
export function askSentence(names: Names, from: string, to: string, card: CardId): string {
  return t("ask.sentenceBy", { from: names.of(from), to: names.plain(to), num: numberOf(card), ...cardParts(card) });
}

/**
 * The own question to `to` for `card`, without quotes: the ask panel's card buttons' names, which hold the
 * buttons' visible text (the card's number and title, WCAG 2.5.3 label in name).
 */
export function askQuestion(names: Names, to: string, card: CardId): string {
  return t("ask.sentence", { to: names.plain(to), num: numberOf(card), ...cardParts(card) });
}

/** The answer to an ask. */
export function answerSentence(names: Names, e: Extract<TableEvent, { type: "asked" }>): string {
  const parts = cardParts(e.card);
  return e.got
    ? t("ask.yes", { to: names.of(e.to), from: names.of(e.from), card: parts.card })
    : t("ask.no", { to: names.of(e.to) });
}

/** One line for the log (and the live region) about `e`; an ask gives the question and the answer. */
export function eventLines(names: Names, me: string, e: TableEvent): string[] {
  switch (e.type) {
    case "asked":
      return [askSentence(names, e.from, e.to, e.card), answerSentence(names, e)];
    case "quartet":
      return [
        e.player === me
          ? t("events.quartetYou", { theme: themeLabel(e.theme) })
          : t("events.quartet", { name: names.of(e.player), theme: themeLabel(e.theme) }),
      ];
    case "drew":
      return [
        e.player === me && e.card
          ? t("events.drewYou", { card: cardParts(e.card).card })
          : t("events.drew", { name: names.of(e.player) }),
      ];
    case "out":
      return [e.player === me ? t("events.outYou") : t("events.out", { name: names.of(e.player) })];
    case "turn":
      return [e.player === me ? t("events.turnYou") : t("events.turn", { name: names.of(e.player) })];
    case "finished":
      return [t("events.finished")];
  }
}
