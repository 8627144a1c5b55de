/**
 * What the debrief's steps share: card and theme names in the screen's
 * language, who chose a pick, and the frame of one full-screen step.
 */
import { h, type ComponentChild, type JSX } from "preact";
import { isCardId, isThemeId } from "@iot/shared/quartet/cardIds";
import type { Debrief } from "@iot/shared/workshop/debrief";
import { cardTitle, themeName } from "../quartet/deck/index.js";
import { lang, t } from "../i18n/index.js";
import { isolate } from "../ui/names.js";

/** A card's title (an unknown id as it is). */
export const titleOf = (card: string): string => (isCardId(card) ? cardTitle(card, lang()) : card);
/** A theme's name (an unknown id as it is). */
export const themeOf = (theme: string): string => (isThemeId(theme) ? themeName(theme, lang()) : theme);

/** Who chose a pick: the name (isolated for bidirectional text), role and region phase. */
export function who(p: Pick<Debrief["tables"][number]["plan"][number], "name" | "role" | "phase">): string {
  return [isolate(p.name), p.role ? t(`roles.${p.role}`) : "", p.phase ? t(`phases.${p.phase}`) : ""]
    .filter(Boolean)
    .join(", ");
}

/** A name with "(computer)" when a bot played the seat. */
export const playerName = (p: { name: string; isBot: boolean }): string =>
  `${isolate(p.name)}${p.isBot ? ` (${t("ws.bot")})` : ""}`;

/** One step of the debrief: a full-screen section with its heading (`step` names it for tests and styles). */
export function stepFrame(step: string, heading: string, body: ComponentChild): JSX.Element {
  return h(
    "section",
    { className: `debrief-step debrief-${step}`, "data-debrief-step": step, "aria-label": heading },
    h("h2", { className: "step-heading", tabindex: -1 }, heading),
    body,
  );
}
