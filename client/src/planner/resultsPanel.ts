/** The standings after each round, and at the end the planner's profile with the personal report to download. */
import { COMPETENCES } from "@iot/shared/planner/game/assessment";
import { personalReport } from "@iot/shared/planner/report";
import { h, type JSX } from "preact";
import { lang, t } from "../i18n/index.js";
import { isolate, withNames } from "../ui/names.js";
import { button, type Desk, type DeskState } from "./desk.js";

/** The standings of the last round played, or null before the first one ends. */
export function standingsPanel(s: DeskState): JSX.Element | null {
  if (s.leaderboard.length === 0) return null;
  return h(
    "section",
    { id: "pl-standings" },
    h("h2", {}, t("pl.leaderboard", { round: s.leaderboardRound })),
    h(
      "ul",
      {},
      ...s.leaderboard.map((r) =>
        h("li", {}, withNames(t("pl.standing", { place: r.place, name: isolate(r.name), score: r.score.toFixed(2) }))),
      ),
    ),
  );
}

/** The profile and the report's download once the game's results are in, else null. */
export function resultsPanel(desk: Desk): JSX.Element | null {
  const { conn } = desk;
  const r = conn.results;
  const profile = r?.profiles[conn.me];
  if (!r || !profile) return null;
  const report = personalReport(lang(), r.names[conn.me] ?? "planner", conn.me, r.results, profile);
  const download = async () => {
    const res = await fetch("/api/planner/report.pdf", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(report),
    });
    if (!res.ok) return;
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement("a"), { href: url, download: "report.pdf" });
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return h(
    "section",
    { id: "pl-results" },
    h("h2", {}, t("pl.finished")),
    h("h3", {}, t("pl.profile")),
    h(
      "dl",
      { id: "pl-profile" },
      ...COMPETENCES.flatMap((k) => [
        h("dt", { key: `dt-${k}` }, t(`pl.competences.${k}`)),
        profile[k] === null
          ? h("dd", { key: `dd-${k}`, title: t("pl.notApplicableLong") }, t("pl.notApplicable"))
          : h(
              "dd",
              { key: `dd-${k}` },
              h("meter", { min: 0, max: 100, value: profile[k], "aria-label": t(`pl.competences.${k}`) }),
              ` ${profile[k]}`,
            ),
      ]),
    ),
    button("report", t("pl.report"), () => void download(), { className: "primary" }),
  );
}
