/**
 * The debrief, made for a projector: every table's ranking and action plan,
 * and the workshop's combined regional action plan by theme, with who chose
 * what (role, region phase, note). A planner workshop shows the rounds
 * compared and every region's planners instead (`planner/plannerDebrief.ts`).
 * Downloads: CSV and a printable PDF.
 */
import { isCardId, isThemeId } from "@iot/shared/quartet/cardIds";
import { card as cardInfo, theme as themeInfo } from "@iot/shared/quartet/deck";
import { lang, t } from "../i18n/index.js";
import { ApiFailure, facilitatorApi, type Debrief } from "./workshopApi.js";
import { createRef, h, type JSX } from "preact";
import { mount } from "../ui/render.js";
import { plannerRoundsSection, plannerTableSection } from "../planner/plannerDebrief.js";
import { bdi, isolate, withNames } from "../ui/names.js";

const cardTitle = (c: string) => (isCardId(c) ? cardInfo(c).title[lang()] : c);
const themeName = (th: string) => (isThemeId(th) ? themeInfo(th).name[lang()] : th);
const who = (p: { name: string; role: string; phase: string }) =>
  [isolate(p.name), p.role ? t(`roles.${p.role}`) : "", p.phase ? t(`phases.${p.phase}`) : ""]
    .filter(Boolean)
    .join(", ");

/** Shows the debrief of workshop `id`; `back` returns to the console. */
export function showDebrief(id: string, back: () => void): void {
  let d: Debrief | null = null;
  let error = "";
  const title = createRef<HTMLHeadingElement>();
  const view = (): JSX.Element =>
    h(
      "main",
      { className: "home facilitator debrief", id: "main" },
      h("h1", { tabindex: -1, ref: title }, d ? [`${t("ws.debrief")}: `, bdi(d.workshop.title)] : t("ws.debrief")),
      error ? h("p", { className: "error", role: "alert" }, error) : null,
      h(
        "p",
        { className: "console-actions" },
        h("a", { className: "button", href: facilitatorApi.fileUrl(id, "export.csv"), download: "" }, t("ws.csv")),
        h("a", { className: "button", href: facilitatorApi.fileUrl(id, "report.pdf"), download: "" }, t("ws.pdf")),
        h("button", { type: "button", onClick: back }, t("ws.back")),
      ),
      d && d.workshop.game === "planner" ? planner(d) : null,
      d && d.workshop.game !== "planner" ? combined(d) : null,
      (d && d.workshop.game !== "planner" ? d.tables : []).map((tb) =>
        h(
          "section",
          { key: tb.number, className: "panel", "data-debrief-table": tb.number },
          h("h2", {}, t("ws.table", { number: tb.number }), " · ", t(`ws.tableStatus_${tb.status}`)),
          h("h3", {}, t("ws.ranking")),
          h(
            "ol",
            { className: "ranking" },
            tb.ranking.map((r) =>
              h("li", {}, `${r.place}. `, bdi(r.name), `${r.isBot ? ` (${t("ws.bot")})` : ""}: ${r.quartets}`),
            ),
          ),
          h("h3", {}, t("ws.plan")),
          tb.plan.length === 0
            ? h("p", {}, t("ws.noPicks"))
            : h(
                "ul",
                { className: "plan" },
                tb.plan.map((p) =>
                  h(
                    "li",
                    {},
                    h("strong", {}, `${themeName(p.theme)}: ${cardTitle(p.card)}`),
                    withNames(` · ${t("ws.chosenBy", { who: who(p) })}`),
                    p.note ? h("q", {}, bdi(p.note)) : null,
                  ),
                ),
              ),
        ),
      ),
    );
  const planner = (d: Debrief) => [
    plannerRoundsSection(d.planner?.rounds ?? []),
    ...d.tables.map((tb) => plannerTableSection(tb)),
  ];
  const combined = (d: Debrief) =>
    h(
      "section",
      { className: "panel combined" },
      h("h2", {}, t("ws.combined")),
      d.combined.length === 0 ? h("p", {}, t("ws.noPicks")) : null,
      d.combined.map((g) =>
        h(
          "div",
          { className: "combined-theme", style: `border-left: 0.5rem solid ${themeInfo(g.theme).color}` },
          h("h3", {}, themeName(g.theme)),
          h(
            "ul",
            {},
            g.cards.map((c) =>
              h(
                "li",
                {},
                h("strong", {}, `${cardTitle(c.card)} (${c.count}x)`),
                h(
                  "ul",
                  {},
                  c.picks.map((p) =>
                    h(
                      "li",
                      {},
                      withNames(`${t("ws.table", { number: p.table })} · ${who(p)}`),
                      p.note ? h("q", {}, bdi(p.note)) : null,
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  document.title = `${t("app.title")}: ${t("ws.debrief")}`;
  const draw = mount(view);
  title.current?.focus();
  facilitatorApi
    .debrief(id)
    .then((found) => {
      d = found;
      draw();
    })
    .catch((e: unknown) => {
      error = e instanceof ApiFailure ? e.message : String(e);
      draw();
    });
}
