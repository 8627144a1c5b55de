/**
 * The planner game's first screen: open a region (name, orders per planner,
 * planners in the region) or join one with its code. The choice goes to
 * `enter` as a connection under way; the desk is PlannerScreen.ts.
 */
import { lang, t } from "../i18n/index.js";
import type { PlannerConnection } from "./plannerConnection.js";
import { appRoot, h, replaceChildren } from "../ui/dom.js";

/** The form to open a region or join one; resolves the choice through `enter`. */
export function showPlannerHome(
  enter: (connecting: Promise<PlannerConnection>) => void,
  home: () => void,
  error = "",
): void {
  const load = () => import("./plannerConnection.js");
  const name = h("input", { id: "pl-name", name: "name", required: true, maxlength: 24, autocomplete: "nickname" });
  const difficulty = h(
    "select",
    { id: "pl-difficulty" },
    ...[1, 2, 3, 4].map((d) => h("option", { value: d, selected: d === 2 }, String(d * 15))),
  );
  const planners = h(
    "select",
    { id: "pl-planners" },
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => h("option", { value: n, selected: n === 1 }, String(n))),
  );
  const code = h("input", { id: "pl-code", name: "code", maxlength: 40 });
  const create = (e: Event) => {
    e.preventDefault();
    const choices = {
      name: name.value.trim(),
      lang: lang(),
      difficulty: Number(difficulty.value) as 1 | 2 | 3 | 4,
      planners: Number(planners.value),
    };
    enter(load().then(({ PlannerConnection }) => PlannerConnection.create(choices)));
  };
  const join = (e: Event) => {
    e.preventDefault();
    enter(
      load().then(({ PlannerConnection }) =>
        PlannerConnection.join(code.value, { name: name.value.trim(), lang: lang() }),
      ),
    );
  };
  replaceChildren(
    appRoot(),
    h(
      "main",
      { className: "home planner-home", id: "main" },
      h("h1", {}, t("pl.title")),
      h("p", {}, t("pl.intro")),
      error ? h("p", { className: "notice error", role: "alert" }, error) : null,
      h(
        "form",
        { onsubmit: create },
        h("label", { for: "pl-name" }, t("pl.name")),
        name,
        h("label", { for: "pl-difficulty" }, t("pl.difficulty")),
        difficulty,
        h("label", { for: "pl-planners" }, t("pl.planners")),
        planners,
        h("button", { type: "submit", className: "primary", id: "pl-create" }, t("pl.create")),
      ),
      h(
        "form",
        { onsubmit: join },
        h("label", { for: "pl-code" }, t("pl.code")),
        code,
        h("button", { type: "submit", id: "pl-join" }, t("pl.join")),
      ),
      h("button", { type: "button", onclick: () => home() }, t("pl.back")),
    ),
  );
  name.focus();
}
