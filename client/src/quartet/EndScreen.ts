/**
 * The end screen, for a phone and for the room's projector alike: the
 * winners' moment, the ranking (ties share a place), the table's regional
 * action plan as the chosen cards in their printed layout (each with who
 * chose it, their role and where their region stands, and the note), the
 * 1 + 1 = 4 message, and the way on. Its type grows with the width
 * (`quartet.css`: body text at least 28 px at 1920 px).
 */
import { h, type JSX } from "preact";
import type { ActionPick } from "@iot/shared/protocol";
import type { ThemeId } from "@iot/shared/quartet/cardIds";
import { introTexts } from "./deck/index.js";
import { lang, t } from "../i18n/index.js";
import { peopleList } from "@iot/shared/i18n/lists";
import type { TableState } from "./net/types.js";
import { brandMarkView } from "../ui/brand.js";
import { shortCard } from "./cardView.js";
import { mount } from "../ui/render.js";
import { bdi, isolate, withNames } from "../ui/names.js";
import { openPickLabel, type OpenPick } from "./dialogs.js";

export interface EndActions {
  again(): void;
  home(): void;
  openPick(theme: ThemeId): void;
}

export interface RankLine {
  id: string;
  name: string;
  place: number;
  quartets: number;
}

/** The ranking from the state (an addition) or, failing that, from the laid quartets. */
export function ranking(state: TableState): RankLine[] {
  const nameOf = (id: string) => state.players.find((p) => p.id === id)?.name ?? "?";
  if (state.ranking.length > 0) {
    return state.ranking.map((r) => ({
      id: r.player,
      name: r.name || nameOf(r.player),
      place: r.place,
      quartets: r.quartets,
    }));
  }
  const counts = state.players.map((p) => ({ id: p.id, name: p.name, quartets: p.quartets.length }));
  return counts
    .map((c) => ({ ...c, place: 1 + counts.filter((o) => o.quartets > c.quartets).length }))
    .sort((a, b) => a.place - b.place);
}

/** What the end screen shows: the table's state and the quartets the player may still pick from. */
export interface EndView {
  state: TableState;
  openPicks: OpenPick[];
}

/**
 * Shows the end screen from `view()` (`me` is the own id) and moves focus to
 * its title; the winners' moment moves only with `motion` (and never under
 * prefers-reduced-motion). Returns the function that draws it again from `view()` (a new
 * pick, a new ranking), focus staying where it is.
 */
export function showEnd(view: () => EndView, me: string, actions: EndActions, motion = true): () => void {
  document.title = `${t("app.title")}: ${t("end.title")}`;
  const draw = mount(() => endScreen(view(), me, actions, motion));
  document.getElementById("end-title")?.focus();
  return draw;
}

/** Sparks of the winners' moment: [left %, delay s, colour variable]; decorative, in the rails' colours. */
const SPARKS: readonly [number, number, string][] = [
  [8, 0, "--social"],
  [22, 0.25, "--accent"],
  [37, 0.1, "--turn"],
  [52, 0.35, "--social"],
  [66, 0.05, "--accent"],
  [80, 0.3, "--turn"],
  [93, 0.15, "--social"],
];

function endScreen({ state, openPicks }: EndView, me: string, actions: EndActions, motion: boolean): JSX.Element {
  const lines = ranking(state);
  const top = lines.filter((l) => l.place === 1);
  const youAt = top.findIndex((l) => l.id === me);
  const names = top.map((l) => isolate(l.name));
  return h(
    "main",
    { className: "end-screen", id: "main", "data-end": "true", "data-motion": motion ? "on" : "off" },
    h(
      "header",
      { className: "home-header" },
      brandMarkView("home-mark"),
      h("h1", { tabindex: -1, id: "end-title" }, t("end.title")),
    ),
    h(
      "section",
      { className: "winners", "aria-labelledby": "winner-text" },
      h(
        "div",
        { className: "celebration", "aria-hidden": "true" },
        SPARKS.map(([left, delay, colour], i) =>
          h("span", { key: i, style: `left:${left}%;animation-delay:${delay}s;background:var(${colour})` }),
        ),
      ),
      h(
        "p",
        { className: "winner", id: "winner-text" },
        withNames(
          top.length > 1
            ? t("end.winners", { names: peopleList(names, lang(), t("table.you"), youAt) })
            : youAt === 0
              ? t("end.winnerYou")
              : t("end.winner", { names: names[0] ?? "" }),
        ),
      ),
    ),
    h(
      "section",
      { className: "panel end-rank", "aria-labelledby": "rank-title" },
      h("h2", { id: "rank-title" }, t("end.ranking")),
      h(
        "table",
        { className: "ranking" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t("end.place")),
            h("th", { scope: "col" }, t("end.player")),
            h("th", { scope: "col" }, t("end.quartets")),
          ),
        ),
        h(
          "tbody",
          {},
          lines.map((l) =>
            h(
              "tr",
              { key: l.id, className: l.id === me ? "me" : "" },
              h("td", {}, String(l.place)),
              h("th", { scope: "row" }, bdi(l.name), l.id === me ? ` (${t("table.you")})` : ""),
              h("td", {}, String(l.quartets)),
            ),
          ),
        ),
      ),
    ),
    h(
      "section",
      { className: "panel end-plan", "aria-labelledby": "plan-title" },
      h("h2", { id: "plan-title" }, t("end.plan")),
      planList(state.plan),
      openPicks.length > 0
        ? h(
            "div",
            { className: "open-picks", role: "group", "aria-labelledby": "open-picks-title" },
            h("h3", { id: "open-picks-title" }, t("end.openPicks")),
            openPicks.map((open) =>
              h(
                "button",
                {
                  key: open.theme,
                  type: "button",
                  className: "pick-open",
                  "data-theme": open.theme,
                  onClick: () => actions.openPick(open.theme),
                },
                withNames(openPickLabel(open)),
              ),
            ),
          )
        : null,
    ),
    h("p", { className: "message" }, introTexts(lang()).message),
    h(
      "div",
      { className: "end-actions" },
      h("button", { type: "button", className: "primary", onClick: () => actions.again() }, t("end.again")),
      h("button", { type: "button", onClick: () => actions.home() }, t("end.home")),
    ),
  );
}

/** The table's plan as the chosen cards themselves (the printed layout), each with who chose it and their note. */
function planList(plan: ActionPick[]): JSX.Element {
  const picks = plan.filter((p) => p.card);
  if (picks.length === 0) return h("p", {}, t("end.planEmpty"));
  return h(
    "ul",
    { className: "plan" },
    picks.map((p) => {
      const who = [isolate(p.name), p.role ? t(`roles.${p.role}`) : "", p.phase ? t(`phases.${p.phase}`) : ""]
        .filter(Boolean)
        .join(" · ");
      return h(
        "li",
        { key: `${p.player}:${p.theme}`, className: "plan-pick", "data-card": p.card },
        p.card ? shortCard(p.card) : null,
        h(
          "div",
          { className: "plan-meta" },
          h("p", { className: "plan-who" }, withNames(t("end.planBy", { name: who }))),
          p.note ? h("p", { className: "plan-note" }, "“", bdi(p.note), "”") : null,
        ),
      );
    }),
  );
}
