/**
 * Step 2 of the debrief, what happened: per quartet table the key moments of
 * its game log (asks and hits, every quartet laid in order and by whom, the
 * longest run); for a planner workshop every region's planners side by
 * side (profiles, rounds, the region's km and CO2 per round).
 */
import { h, type JSX } from "preact";
import type { Debrief } from "@iot/shared/workshop/debrief";
import { t } from "../i18n/index.js";
import { withNames } from "../ui/names.js";
import { plannerTableSection } from "../planner/plannerDebrief.js";
import { playerName, stepFrame, themeOf } from "./debriefParts.js";

type Table = Debrief["tables"][number];

function moments(tb: Table): JSX.Element {
  const m = tb.moments;
  if (!m) return h("p", {}, t("ws.dbNoLog"));
  return h(
    "div",
    { className: "moments" },
    h("p", { className: "moments-asks" }, t("ws.dbAsks", { asks: m.asks, hits: m.hits })),
    h(
      "ol",
      { className: "quartets-laid" },
      m.quartets.map((q) =>
        h(
          "li",
          {},
          withNames(
            t(q.ask === 0 ? "ws.dbQuartetDealt" : "ws.dbQuartetLaid", {
              who: playerName(q),
              theme: themeOf(q.theme),
              ask: q.ask,
            }),
          ),
        ),
      ),
    ),
    m.bestRun
      ? h(
          "p",
          { className: "best-run" },
          withNames(t("ws.dbBestRun", { who: playerName(m.bestRun), count: m.bestRun.asks })),
        )
      : null,
  );
}

function table(tb: Table): JSX.Element {
  return h(
    "article",
    { key: tb.number, className: "debrief-table", "data-story-table": tb.number },
    h("h3", {}, t("ws.table", { number: tb.number })),
    moments(tb),
  );
}

/** The "what happened" step: the quartet tables' stories, or each planner region's planners. */
export function storyStep(d: Debrief): JSX.Element {
  const body =
    d.workshop.game === "planner"
      ? h(
          "div",
          { className: "debrief-planner" },
          d.tables.map((tb) => plannerTableSection(tb)),
        )
      : h("div", { className: "debrief-tables" }, d.tables.map(table));
  return stepFrame("story", t("ws.dbStory"), body);
}
