/**
 * The debrief of a planner workshop on the facilitator's screen: the rounds
 * compared over all tables, and per table (region) every planner side by
 * side with their results per round and their competence profile, the
 * region's km and CO2 per round and what round 4 (together) saved against
 * round 3 (disruption). Charts are inline SVG (`ui/charts.ts`); the numbers are
 * in tables beside them and in each chart's accessible name.
 */
import "./plannerDebrief.css";
import { COMPETENCES } from "@iot/shared/planner/game/assessment";
import type { Debrief } from "@iot/shared/workshop/debrief";
import type {
  PlannerDebriefLine,
  PlannerTableDebrief,
  RegionRound,
  RoundComparison,
  TogetherComparison,
} from "@iot/shared/workshop/plannerDebrief";
import { lang, t } from "../i18n/index.js";
import { h, type JSX } from "preact";
import { barChart, columnChart, seriesColor, type Bar } from "../ui/charts.js";
import { isolate, withNames } from "../ui/names.js";

/** `x` in the chosen language's notation with exactly `digits` decimals. */
const num = (x: number, digits = 0) =>
  new Intl.NumberFormat(lang(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
/** A share (0.045) as a percentage ("4,5%"). */
const pct = (share: number) =>
  new Intl.NumberFormat(lang(), { style: "percent", maximumFractionDigits: 1 }).format(share);

const roundName = (round: number) => t(`pl.rounds.${round - 1}`);
const roundHead = (round: number) => `${round}. ${roundName(round)}`;
/** Each round keeps its colour in every chart. */
const roundColor = (round: number) => seriesColor(round - 1);

/** One bar per round: the label is the round's number and name. */
const roundBars = <R extends { round: number }>(rows: readonly R[], value: (r: R) => number, digits: number): Bar[] =>
  rows.map((r) => ({
    key: String(r.round),
    label: [t("ws.plRound", { round: r.round }), roundName(r.round)],
    value: value(r),
    text: num(value(r), digits),
    color: roundColor(r.round),
  }));

const figure = (caption: string, chart: JSX.Element) =>
  h("figure", { className: "chart" }, h("figcaption", {}, caption), chart);

const th = (text: string, scope: "col" | "row" = "col") => h("th", { scope }, text);

/** The rounds over the whole workshop: a chart each for score, cost, CO2, late and unplanned, and the numbers as a table. */
export function plannerRoundsSection(rounds: readonly RoundComparison[]): JSX.Element {
  const chart = (id: string, caption: string, value: (r: RoundComparison) => number, digits: number) =>
    figure(caption, columnChart({ id, name: caption, bars: roundBars(rounds, value, digits) }));
  return h(
    "section",
    { className: "panel planner-debrief-rounds", "data-debrief-rounds": "" },
    h("h2", {}, t("ws.plCompared")),
    rounds.length === 0
      ? h("p", {}, t("ws.plNoResults"))
      : [
          h(
            "div",
            { className: "chart-grid" },
            chart("meanScore", t("ws.plMeanScore"), (r) => r.meanScore, 2),
            chart("meanCost", t("ws.plMeanCost"), (r) => r.meanCost, 0),
            chart("meanCo2", t("ws.plMeanCo2"), (r) => r.meanCo2Kg, 1),
            chart("late", t("ws.plLate"), (r) => r.late, 0),
            chart("unplanned", t("ws.plUnplanned"), (r) => r.unplanned, 0),
          ),
          h(
            "table",
            { className: "data-table", "data-table": "rounds" },
            h("caption", {}, t("ws.plRoundsTable")),
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                th(t("ws.plRoundCol")),
                th(t("ws.plPlanners")),
                th(t("ws.plScore")),
                th(t("ws.plMeanCostCol")),
                th(t("ws.plMeanCo2Col")),
                th(t("pl.late")),
                th(t("pl.unplanned")),
              ),
            ),
            h(
              "tbody",
              {},
              rounds.map((r) =>
                h(
                  "tr",
                  { key: r.round, "data-round": r.round },
                  th(roundHead(r.round), "row"),
                  h("td", {}, String(r.planners)),
                  h("td", {}, num(r.meanScore, 2)),
                  h("td", {}, num(r.meanCost)),
                  h("td", {}, num(r.meanCo2Kg, 1)),
                  h("td", {}, String(r.late)),
                  h("td", {}, String(r.unplanned)),
                ),
              ),
            ),
          ),
        ],
  );
}

/** A planner side by side with the others: their profile as bars and their rounds as a table. */
function plannerCard(p: PlannerDebriefLine, index: number): JSX.Element {
  const color = seriesColor(index);
  const profileName = t("ws.plProfile", { name: isolate(p.name) });
  const profile = p.profile;
  return h(
    "article",
    { className: "planner-card", "data-planner": p.name, style: `border-top: 0.5rem solid ${color}` },
    h("h4", { dir: "auto" }, p.name),
    profile
      ? figure(
          profileName,
          barChart({
            id: "profile",
            name: profileName,
            max: 100,
            bars: COMPETENCES.map((c) => ({
              key: c,
              label: [t(`pl.competences.${c}`)],
              value: profile[c] ?? 0,
              text: profile[c] === null ? t("pl.notApplicable") : String(profile[c]),
              color,
            })),
          }),
        )
      : h("p", {}, t("ws.plNoProfile")),
    p.rounds.length === 0
      ? h("p", {}, t("ws.plNoResults"))
      : h(
          "table",
          { className: "data-table", "data-table": "kpis" },
          h("caption", {}, withNames(t("ws.plKpis", { name: isolate(p.name) }))),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              th(t("ws.plRoundCol")),
              th(t("pl.cost")),
              th(t("pl.km")),
              th(t("pl.co2")),
              th(t("pl.late")),
              th(t("pl.unplanned")),
              th(t("ws.plScore")),
              th(t("ws.plPlace")),
            ),
          ),
          h(
            "tbody",
            {},
            p.rounds.map((r) =>
              h(
                "tr",
                { key: r.round, "data-round": r.round },
                th(roundHead(r.round), "row"),
                h("td", {}, num(r.cost)),
                h("td", {}, num(r.km)),
                h("td", {}, num(r.co2Kg, 1)),
                h("td", {}, String(r.late)),
                h("td", {}, String(r.unplanned)),
                h("td", {}, num(r.score, 2)),
                h("td", { "data-kpi": "place" }, String(r.place)),
              ),
            ),
          ),
        ),
  );
}

/** Round 4 against round 3: what the region saved by exchanging, as a sentence and a table. */
function togetherPart(c: TogetherComparison | null): JSX.Element[] {
  if (!c) return [h("p", { "data-together": "open" }, t("ws.plTogetherOpen"))];
  return [
    h(
      "p",
      { className: "together-headline" },
      t("ws.plTogetherSaved", {
        km: num(c.kmSaved, 1),
        kmShare: pct(c.kmSavedShare),
        co2: num(c.co2KgSaved, 1),
        co2Share: pct(c.co2KgSavedShare),
      }),
    ),
    h(
      "table",
      { className: "data-table", "data-table": "together" },
      h("caption", { className: "sr-only" }, t("ws.plTogether")),
      h(
        "thead",
        {},
        h("tr", {}, th(t("pl.kpis")), th(roundHead(3)), th(roundHead(4)), th(t("ws.plSaved")), th(t("ws.plShare"))),
      ),
      h(
        "tbody",
        {},
        h(
          "tr",
          { "data-measure": "km" },
          th(t("pl.km"), "row"),
          h("td", {}, num(c.kmRound3, 1)),
          h("td", {}, num(c.kmRound4, 1)),
          h("td", { "data-saved": String(c.kmSaved) }, num(c.kmSaved, 1)),
          h("td", {}, pct(c.kmSavedShare)),
        ),
        h(
          "tr",
          { "data-measure": "co2" },
          th(t("pl.co2"), "row"),
          h("td", {}, num(c.co2KgRound3, 1)),
          h("td", {}, num(c.co2KgRound4, 1)),
          h("td", { "data-saved": String(c.co2KgSaved) }, num(c.co2KgSaved, 1)),
          h("td", {}, pct(c.co2KgSavedShare)),
        ),
      ),
    ),
  ];
}

/** The region's km and CO2 per round as two charts. */
function regionCharts(region: readonly RegionRound[]): JSX.Element {
  if (region.length === 0) return h("p", {}, t("ws.plNoResults"));
  const km = t("ws.plRegionKm");
  const co2 = t("ws.plRegionCo2");
  return h(
    "div",
    { className: "chart-grid" },
    figure(km, columnChart({ id: "regionKm", name: km, bars: roundBars(region, (r) => r.km, 0) })),
    figure(co2, columnChart({ id: "regionCo2", name: co2, bars: roundBars(region, (r) => r.co2Kg, 1) })),
  );
}

/** A planner table (region) of the debrief: the planners side by side, the region per round and round 4 against round 3. */
export function plannerTableSection(tb: Debrief["tables"][number]): JSX.Element {
  const pt: PlannerTableDebrief = tb.planner ?? { planners: [], region: [], together: null };
  return h(
    "section",
    { key: tb.number, className: "panel planner-debrief-table", "data-debrief-table": tb.number },
    h("h2", {}, t("ws.table", { number: tb.number }), " · ", t(`ws.tableStatus_${tb.status}`)),
    h("h3", {}, t("ws.plPlannersHead")),
    pt.planners.length === 0
      ? h("p", {}, t("ws.plNoResults"))
      : h(
          "div",
          { className: "planner-cards" },
          pt.planners.map((p, i) => plannerCard(p, i)),
        ),
    h("h3", {}, t("ws.plRegion")),
    regionCharts(pt.region),
    h("h3", {}, t("ws.plTogether")),
    togetherPart(pt.together),
  );
}
