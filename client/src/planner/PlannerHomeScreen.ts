/**
 * The planner game's first screen: open a region (name, orders per planner,
 * planners in the region) or join one with its code. The choice goes to
 * `enter` as a connection under way; the desk is PlannerScreen.ts.
 */
import { createRef, h } from "preact";
import { lang, t } from "../i18n/index.js";
import type { PlannerConnection } from "./plannerConnection.js";
import { mount } from "../ui/render.js";

/** The form to open a region or join one; resolves the choice through `enter`. */
export function showPlannerHome(
  enter: (connecting: Promise<PlannerConnection>) => void,
  home: () => void,
  error = "",
): void {
  const load = () => import("./plannerConnection.js");
  const name = createRef<HTMLInputElement>();
  const difficulty = createRef<HTMLSelectElement>();
  const planners = createRef<HTMLSelectElement>();
  const code = createRef<HTMLInputElement>();
  const who = () => ({ name: name.current?.value.trim() ?? "", lang: lang() });
  const create = (e: Event) => {
    e.preventDefault();
    const choices = {
      ...who(),
      difficulty: Number(difficulty.current?.value ?? 2) as 1 | 2 | 3 | 4,
      planners: Number(planners.current?.value ?? 1),
    };
    enter(load().then(({ PlannerConnection }) => PlannerConnection.create(choices)));
  };
  const join = (e: Event) => {
    e.preventDefault();
    const choices = who();
    enter(load().then(({ PlannerConnection }) => PlannerConnection.join(code.current?.value ?? "", choices)));
  };
  mount(() =>
    h(
      "main",
      { className: "home planner-home", id: "main" },
      h("h1", {}, t("pl.title")),
      h("p", {}, t("pl.intro")),
      error ? h("p", { className: "notice error", role: "alert" }, error) : null,
      h(
        "form",
        { onSubmit: create },
        h("label", { for: "pl-name" }, t("pl.name")),
        h("input", { ref: name, id: "pl-name", name: "name", required: true, maxLength: 24, autocomplete: "nickname" }),
        h("label", { for: "pl-difficulty" }, t("pl.difficulty")),
        h(
          "select",
          { ref: difficulty, id: "pl-difficulty" },
          [1, 2, 3, 4].map((d) => h("option", { key: d, value: d, selected: d === 2 }, String(d * 15))),
        ),
        h("label", { for: "pl-planners" }, t("pl.planners")),
        h(
          "select",
          { ref: planners, id: "pl-planners" },
          [1, 2, 3, 4, 5, 6, 7, 8].map((n) => h("option", { key: n, value: n, selected: n === 1 }, String(n))),
        ),
        h("button", { type: "submit", className: "primary", id: "pl-create" }, t("pl.create")),
      ),
      h(
        "form",
        { onSubmit: join },
        h("label", { for: "pl-code" }, t("pl.code")),
        h("input", { ref: code, id: "pl-code", name: "code", maxLength: 40 }),
        h("button", { type: "submit", id: "pl-join" }, t("pl.join")),
      ),
      h("button", { type: "button", onClick: () => home() }, t("pl.back")),
    ),
  );
  name.current?.focus();
}
