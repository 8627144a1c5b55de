/**
 * The debrief for the room: full-screen steps the facilitator clicks or
 * keys through (arrow keys, PageUp/PageDown as a presenter's clicker sends
 * them, Home/End): the results with a podium per table, what happened, the
 * combined regional action plan as the cards themselves (a quartet
 * workshop; the facilitator marks its priorities there) and the next steps.
 * A step indicator names where the room is; one click makes it full screen.
 * Downloads: CSV and a printable PDF.
 */
import { createRef, h, type JSX } from "preact";
import type { Priority } from "@iot/shared/workshop/debrief";
import { t } from "../i18n/index.js";
import { announce } from "../ui/announcer.js";
import { mount } from "../ui/render.js";
import { bdi } from "../ui/names.js";
import { ApiFailure, facilitatorApi, type Debrief } from "./workshopApi.js";
import { resultsStep } from "./debriefResults.js";
import { storyStep } from "./debriefStory.js";
import { planStep, type PlanDraft } from "./debriefPlan.js";
import { MissingPicks } from "./debriefMissing.js";
import { nextStep } from "./debriefNext.js";
import "./debrief.css";

type StepId = "results" | "story" | "plan" | "next";
const STEP_NAMES: Record<StepId, string> = {
  results: "ws.dbResults",
  story: "ws.dbStory",
  plan: "ws.dbPlan",
  next: "ws.dbNextSteps",
};
/** The steps of a workshop's debrief: a planner workshop has no action plan of cards. */
const stepsOf = (d: Debrief): StepId[] =>
  d.workshop.game === "planner" ? ["results", "story", "next"] : ["results", "story", "plan", "next"];

const NEXT_KEYS = new Set(["ArrowRight", "ArrowDown", "PageDown"]);
const PREV_KEYS = new Set(["ArrowLeft", "ArrowUp", "PageUp"]);

/** Whether a key press belongs to a field one types in (an owner, a next step), not to the steps; a checkbox leaves the keys to the steps. */
const inField = (e: KeyboardEvent) =>
  e.target instanceof HTMLElement &&
  e.target.closest(
    'textarea, select, [contenteditable], input:not([type="checkbox"], [type="radio"], [type="button"])',
  ) !== null;

/** Shows the debrief of workshop `id`; `back` returns to the console. */
export function showDebrief(id: string, back: () => void): void {
  let d: Debrief | null = null;
  let error = "";
  let step = 0;
  let draft: PlanDraft = { priorities: [], status: "saved", error: "" };
  const root = createRef<HTMLElement>();
  const heading = createRef<HTMLHeadingElement>();

  const go = (to: number) => {
    if (!d) return;
    const steps = stepsOf(d);
    const next = Math.max(0, Math.min(steps.length - 1, to));
    if (next === step) return;
    step = next;
    draw();
    const name = t(STEP_NAMES[steps[step] ?? "results"]);
    announce(t("ws.dbStep", { n: step + 1, total: steps.length, name }));
    root.current?.querySelector<HTMLElement>(".step-slot:not([hidden]) .step-heading")?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (!root.current?.isConnected) {
      document.removeEventListener("keydown", onKey);
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || inField(e)) return;
    if (NEXT_KEYS.has(e.key)) go(step + 1);
    else if (PREV_KEYS.has(e.key)) go(step - 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(Number.MAX_SAFE_INTEGER);
    else return;
    e.preventDefault();
  };
  const fullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void root.current?.requestFullscreen?.().catch(() => undefined);
  };
  const change = (priorities: Priority[]) => {
    draft = { priorities, status: "dirty", error: "" };
    draw();
  };
  const save = () => {
    if (!d) return;
    draft = { ...draft, status: "saving", error: "" };
    draw();
    facilitatorApi
      .priorities(id, draft.priorities)
      .then((saved) => {
        if (d) d = { ...d, priorities: saved.priorities };
        draft = { priorities: saved.priorities, status: "saved", error: "" };
        announce(t("ws.dbSaved"));
        draw();
      })
      .catch((e: unknown) => {
        draft = { ...draft, status: "dirty", error: e instanceof ApiFailure ? e.message : String(e) };
        draw();
      });
  };

  const missing = new MissingPicks(
    id,
    (found) => ((d = found), draw()),
    () => draw(),
  );

  const stepView = (s: StepId, data: Debrief): JSX.Element =>
    s === "results"
      ? resultsStep(data)
      : s === "story"
        ? storyStep(data)
        : s === "plan"
          ? planStep(data, draft, { change, save }, missing.view(data))
          : nextStep(data);

  const indicator = (steps: StepId[]) =>
    h(
      "nav",
      { className: "step-indicator", "aria-label": t("ws.dbSteps") },
      h("button", { type: "button", onClick: () => go(step - 1), disabled: step === 0 }, t("ws.dbPrev")),
      h(
        "ol",
        {},
        steps.map((s, i) =>
          h(
            "li",
            { key: s },
            h(
              "button",
              {
                type: "button",
                className: "step-dot",
                "aria-current": i === step ? "step" : undefined,
                onClick: () => go(i),
              },
              `${i + 1}. ${t(STEP_NAMES[s])}`,
            ),
          ),
        ),
      ),
      h("button", { type: "button", onClick: () => go(step + 1), disabled: step === steps.length - 1 }, t("ws.dbNext")),
      h(
        "span",
        { className: "step-where" },
        t("ws.dbStep", { n: step + 1, total: steps.length, name: t(STEP_NAMES[steps[step] ?? "results"]) }),
      ),
    );

  const view = (): JSX.Element => {
    const steps = d ? stepsOf(d) : [];
    return h(
      "main",
      { className: "debrief debrief-room", id: "main", ref: root },
      h(
        "header",
        { className: "debrief-bar" },
        h("h1", { tabindex: -1, ref: heading }, d ? [`${t("ws.debrief")}: `, bdi(d.workshop.title)] : t("ws.debrief")),
        h(
          "p",
          { className: "console-actions" },
          h("button", { type: "button", onClick: fullscreen }, t("ws.dbFullscreen")),
          h("a", { className: "button", href: facilitatorApi.fileUrl(id, "export.csv"), download: "" }, t("ws.csv")),
          h("a", { className: "button", href: facilitatorApi.fileUrl(id, "report.pdf"), download: "" }, t("ws.pdf")),
          h("button", { type: "button", onClick: back }, t("ws.back")),
        ),
      ),
      error ? h("p", { className: "error", role: "alert" }, error) : null,
      d ? indicator(steps) : null,
      d
        ? steps.map((s, i) =>
            h("div", { key: s, className: "step-slot", hidden: i !== step }, stepView(s, d as Debrief)),
          )
        : null,
      h("p", { className: "sr-only" }, t("ws.dbKeys")),
    );
  };

  document.title = `${t("app.title")}: ${t("ws.debrief")}`;
  const draw = mount(view);
  document.addEventListener("keydown", onKey);
  heading.current?.focus();
  facilitatorApi
    .debrief(id)
    .then((found) => {
      d = found;
      draft = { priorities: found.priorities, status: "saved", error: "" };
      draw();
    })
    .catch((e: unknown) => {
      error = e instanceof ApiFailure ? e.message : String(e);
      draw();
    });
}
