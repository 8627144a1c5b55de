/**
 * The end screen: the ranking (ties share a place), the table's regional
 * action plan (each pick with who chose it, their role and where their region
 * stands, and the note), the 1 + 1 = 4 message, and the way on.
 */
import { h, type JSX } from "preact";
import type { ActionPick } from "@iot/shared/protocol";
import type { ThemeId } from "@iot/shared/quartet/cardIds";
import { cardTitle, introTexts, themeName } from "./deck/index.js";
import { lang, t } from "../i18n/index.js";
import { peopleList } from "@iot/shared/i18n/lists";
import type { TableState } from "./net/types.js";
import { brandMarkView } from "../ui/brand.js";
import { themeBadge } from "./cardView.js";
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
 * its title; returns the function that draws it again from `view()` (a new
 * pick, a new ranking), focus staying where it is.
 */
export function showEnd(view: () => EndView, me: string, actions: EndActions): () => void {
  document.title = `${t("app.title")}: ${t("end.title")}`;
  const draw = mount(() => endScreen(view(), me, actions));
  document.getElementById("end-title")?.focus();
  return draw;
}

function endScreen({ state, openPicks }: EndView, me: string, actions: EndActions): JSX.Element {
  const lines = ranking(state);
  const top = lines.filter((l) => l.place === 1);
  const youAt = top.findIndex((l) => l.id === me);
  const names = top.map((l) => isolate(l.name));
  return h(
    "main",
    { className: "end-screen", id: "main", "data-end": "true" },
    h(
      "header",
      { className: "home-header" },
      brandMarkView("home-mark"),
      h("h1", { tabindex: -1, id: "end-title" }, t("end.title")),
    ),
    h(
      "p",
      { className: "winner" },
      withNames(
        top.length > 1
          ? t("end.winners", { names: peopleList(names, lang(), t("table.you"), youAt) })
          : youAt === 0
            ? t("end.winnerYou")
            : t("end.winner", { names: names[0] ?? "" }),
      ),
    ),
    h(
      "section",
      { className: "panel", "aria-labelledby": "rank-title" },
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
      { className: "panel", "aria-labelledby": "plan-title" },
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
        { key: `${p.player}:${p.theme}` },
        themeBadge(p.theme),
        h(
          "div",
          {},
          h(
            "p",
            { className: "plan-card" },
            `${themeName(p.theme, lang())}: ${p.card ? cardTitle(p.card, lang()) : ""}`,
          ),
          h("p", { className: "plan-who" }, withNames(t("end.planBy", { name: who }))),
          p.note ? h("p", { className: "plan-note" }, "“", bdi(p.note), "”") : null,
        ),
      );
    }),
  );
}
