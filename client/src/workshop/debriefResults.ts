/**
 * Step 1 of the debrief, the results: every table's podium (first in the
 * middle, raised; a short rise when the step appears, none with
 * prefers-reduced-motion), its whole ranking and the actions its players
 * chose; for a planner workshop its rounds compared over all regions (the
 * charts and table of `planner/plannerDebrief.ts`).
 */
import { h, type JSX } from "preact";
import type { Debrief } from "@iot/shared/workshop/debrief";
import { t } from "../i18n/index.js";
import { bdi, withNames } from "../ui/names.js";
import { plannerRoundsSection } from "../planner/plannerDebrief.js";
import { stepFrame, themeOf, titleOf, who } from "./debriefParts.js";

type Table = Debrief["tables"][number];
type Line = Table["ranking"][number];

/** The podium's columns left to right: second, first, third (those there are). */
function podiumOrder(ranking: readonly Line[]): Line[] {
  const top = ranking.filter((r) => r.place <= 3);
  const byPlace = (p: number) => top.filter((r) => r.place === p);
  return [...byPlace(2), ...byPlace(1), ...byPlace(3)];
}

function podium(tb: Table): JSX.Element {
  return h(
    "ol",
    { className: "podium", "aria-label": t("ws.dbPodium", { number: tb.number }) },
    podiumOrder(tb.ranking).map((r) =>
      h(
        "li",
        { key: `${r.place}-${r.name}`, className: `podium-place place-${r.place}`, "data-place": r.place },
        h("span", { className: "podium-name" }, bdi(r.name), r.isBot ? ` (${t("ws.bot")})` : ""),
        h(
          "span",
          { className: "podium-block" },
          h("span", { className: "podium-number" }, String(r.place)),
          h("span", { className: "podium-score" }, t("ws.dbQuartets", { count: r.quartets })),
        ),
      ),
    ),
  );
}

function table(tb: Table): JSX.Element {
  return h(
    "article",
    { key: tb.number, className: "debrief-table", "data-debrief-table": tb.number },
    h("h3", {}, t("ws.table", { number: tb.number }), " · ", t(`ws.tableStatus_${tb.status}`)),
    tb.ranking.length === 0 ? h("p", {}, t("ws.dbNoRanking")) : podium(tb),
    h(
      "ol",
      { className: "ranking" },
      tb.ranking.map((r) =>
        h("li", {}, `${r.place}. `, bdi(r.name), `${r.isBot ? ` (${t("ws.bot")})` : ""}: ${r.quartets}`),
      ),
    ),
    h("h4", {}, t("ws.dbTablePicks", { number: tb.number })),
    tb.plan.length === 0
      ? h("p", {}, t("ws.noPicks"))
      : h(
          "ul",
          { className: "plan" },
          tb.plan.map((p) =>
            h(
              "li",
              {},
              h("strong", {}, `${themeOf(p.theme)}: ${titleOf(p.card)}`),
              withNames(` · ${t("ws.chosenBy", { who: who(p) })}`),
              p.note ? h("q", {}, bdi(p.note)) : null,
            ),
          ),
        ),
  );
}

/** The results step: every quartet table's podium and ranking, or a planner workshop's rounds compared over all regions. */
export function resultsStep(d: Debrief): JSX.Element {
  const body =
    d.workshop.game === "planner"
      ? h("div", { className: "debrief-planner" }, plannerRoundsSection(d.planner?.rounds ?? []))
      : h("div", { className: "debrief-tables" }, d.tables.map(table));
  return stepFrame("results", t("ws.dbResults"), body);
}
