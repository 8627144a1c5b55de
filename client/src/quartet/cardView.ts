/**
 * Cards in the DOM: the theme badge (colour and icon), and the whole card
 * with all its text for the detail view and the action pick.
 */
import { h, type JSX } from "preact";
import { numberOf, themeOf, type CardId, type ThemeId } from "@iot/shared/quartet/cardIds";
import { cardTexts, cardTitle, themeColour, themeIconNames, themeName } from "./deck/index.js";
import { colouredSvg, ICON_SVG } from "./deck/icons.js";
import { lang, t } from "../i18n/index.js";
import { inkOn } from "./table/cardArt.js";

const ICONS = themeIconNames();

/** The theme's icon on its colour (decorative; the theme's name is always next to it). */
export function themeBadge(theme: ThemeId, className = "badge"): JSX.Element {
  const colour = themeColour(theme);
  const svg = ICON_SVG[ICONS[theme]];
  return h("span", {
    className,
    "aria-hidden": "true",
    style: `background:${colour}`,
    dangerouslySetInnerHTML: svg ? { __html: colouredSvg(svg, inkOn(colour), 24) } : undefined,
  });
}

/** The card in short: band, number, title and its action (for the action pick). */
export function shortCard(card: CardId): JSX.Element {
  return fullCard(card, new Set(), true);
}

/**
 * The whole card: band, number, title, action, example, tip, links and the
 * set with this card highlighted; `short`, only the first of these sections.
 */
export function fullCard(card: CardId, held: ReadonlySet<CardId> = new Set(), short = false): JSX.Element {
  const theme = themeOf(card);
  const texts = cardTexts(card, lang());
  const colour = themeColour(theme);
  const set = ([1, 2, 3, 4] as const).map((n) => `${theme}-${n}` as CardId);
  const sections = [
    texts.action ? section(t("card.action"), h("p", {}, texts.action)) : null,
    texts.example ? section(t("card.example"), h("p", {}, texts.example)) : null,
    texts.tip ? section(t("card.tip"), h("p", {}, texts.tip)) : null,
    texts.links.length > 0
      ? section(
          t("card.links"),
          h(
            "ul",
            { className: "links" },
            texts.links.map((l) =>
              h("li", {}, h("a", { href: l.url, target: "_blank", rel: "noopener noreferrer" }, l.label || l.url)),
            ),
          ),
        )
      : null,
    section(
      t("card.set", { theme: themeName(theme, lang()) }),
      h(
        "ol",
        { className: "set-list" },
        set.map((c) =>
          h(
            "li",
            {
              className: c === card ? "own" : held.has(c) ? "held" : "",
              "aria-current": c === card ? "true" : undefined,
            },
            cardTitle(c, lang()),
            held.has(c) && c !== card ? h("span", { className: "held-tag" }, ` (${t("card.held")})`) : null,
          ),
        ),
      ),
    ),
  ].filter((s) => s !== null);
  return h(
    "article",
    {
      className: short ? "card-full card-short" : "card-full",
      style: `--theme:${colour};--theme-ink:${inkOn(colour)}`,
      "aria-labelledby": `card-title-${card}`,
    },
    h(
      "div",
      { className: "card-band" },
      themeBadge(theme, "band-icon"),
      h("span", { className: "band-name" }, themeName(theme, lang())),
      h(
        "span",
        {
          className: "band-num",
          "aria-label": t("card.number", { theme: themeName(theme, lang()), number: numberOf(card) }),
        },
        String(numberOf(card)),
      ),
    ),
    h("h2", { id: `card-title-${card}`, className: "card-title" }, texts.title),
    short ? sections.slice(0, 1) : sections,
  );
}

function section(title: string, ...body: JSX.Element[]): JSX.Element {
  return h("section", { className: "card-section" }, h("h3", {}, title), ...body);
}
