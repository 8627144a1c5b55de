/**
 * Step 3 of the debrief, the combined regional action plan: the picked cards
 * themselves (the quartet's printed card layout), grouped by theme in the
 * printed order, each with how often and by whom it was chosen. The
 * facilitator marks cards as the workshop's priorities, each with an owner
 * and a next step, and saves them (`PUT /api/workshops/:id/priorities`).
 */
import { h, type JSX } from "preact";
import type { CardId } from "@iot/shared/quartet/cardIds";
import {
  PRIORITY_OWNER_MAX,
  PRIORITY_STEP_MAX,
  type CombinedTheme,
  type Debrief,
  type Priority,
} from "@iot/shared/workshop/debrief";
import { t } from "../i18n/index.js";
import { shortCard, themeBadge } from "../quartet/cardView.js";
import { withNames } from "../ui/names.js";
import { stepFrame, themeOf, titleOf, who } from "./debriefParts.js";
import "../quartet/quartet.css";

/** The priorities as the facilitator is editing them, and whether they are saved. */
export interface PlanDraft {
  priorities: Priority[];
  status: "saved" | "dirty" | "saving";
  error: string;
}

/** What the plan step asks of the screen: a changed list of priorities, and saving it. */
export interface PlanActions {
  change: (priorities: Priority[]) => void;
  save: () => void;
}

type Card = CombinedTheme["cards"][number];

function priorityControls(card: CardId, draft: PlanDraft, on: PlanActions): JSX.Element {
  const list = draft.priorities;
  const mine = list.find((p) => p.cardId === card);
  const title = titleOf(card);
  const update = (changes: Partial<Priority>) =>
    on.change(list.map((p) => (p.cardId === card ? { ...p, ...changes } : p)));
  return h(
    "div",
    { className: "priority" },
    h(
      "label",
      { className: "priority-mark" },
      h("input", {
        type: "checkbox",
        checked: mine !== undefined,
        "aria-label": `${t("ws.dbPriority")}: ${title}`,
        onChange: (e: Event) =>
          on.change(
            (e.currentTarget as HTMLInputElement).checked
              ? [...list, { cardId: card, owner: "", nextStep: "" }]
              : list.filter((p) => p.cardId !== card),
          ),
      }),
      ` ${t("ws.dbPriority")}`,
    ),
    mine
      ? h(
          "div",
          { className: "priority-fields" },
          h(
            "label",
            {},
            t("ws.dbOwner"),
            h("input", {
              type: "text",
              name: "owner",
              maxLength: PRIORITY_OWNER_MAX,
              value: mine.owner,
              "aria-label": `${t("ws.dbOwner")}: ${title}`,
              onInput: (e: Event) => update({ owner: (e.currentTarget as HTMLInputElement).value }),
            }),
          ),
          h(
            "label",
            {},
            t("ws.dbNextStep"),
            h("textarea", {
              name: "nextStep",
              rows: 2,
              maxLength: PRIORITY_STEP_MAX,
              value: mine.nextStep,
              "aria-label": `${t("ws.dbNextStep")}: ${title}`,
              onInput: (e: Event) => update({ nextStep: (e.currentTarget as HTMLTextAreaElement).value }),
            }),
          ),
        )
      : null,
  );
}

function planCard(c: Card, draft: PlanDraft, on: PlanActions): JSX.Element {
  const marked = draft.priorities.some((p) => p.cardId === c.card);
  return h(
    "li",
    { key: c.card, className: marked ? "plan-card marked" : "plan-card", "data-card": c.card },
    shortCard(c.card),
    h(
      "div",
      { className: "plan-card-meta" },
      h("p", { className: "chosen-count" }, t("ws.dbChosen", { count: c.count })),
      h(
        "ul",
        { className: "chosen-by" },
        c.picks.map((p) =>
          h(
            "li",
            {},
            withNames(`${t("ws.table", { number: p.table })} · ${who(p)}`),
            p.note ? h("q", {}, p.note) : null,
          ),
        ),
      ),
      priorityControls(c.card, draft, on),
    ),
  );
}

/** The combined plan step: per theme its cards; priorities marked and saved from here; `missing`: the plan's holes to complete. */
export function planStep(
  d: Debrief,
  draft: PlanDraft,
  on: PlanActions,
  missing: JSX.Element | null = null,
): JSX.Element {
  const status =
    draft.error || (draft.status === "saved" ? t("ws.dbSaved") : draft.status === "dirty" ? t("ws.dbUnsaved") : "");
  return stepFrame(
    "plan",
    t("ws.dbPlan"),
    h(
      "div",
      { className: "combined" },
      h("p", { className: "sr-only" }, t("ws.combined")),
      d.combined.length === 0 ? h("p", {}, t("ws.noPicks")) : null,
      d.combined.map((g) =>
        h(
          "section",
          { key: g.theme, className: "plan-theme", "data-theme": g.theme },
          h("h3", {}, themeBadge(g.theme), ` ${themeOf(g.theme)}`),
          h(
            "ol",
            { className: "plan-cards" },
            g.cards.map((c) => planCard(c, draft, on)),
          ),
        ),
      ),
      d.combined.length === 0
        ? null
        : h(
            "p",
            { className: "priority-save" },
            h("button", { type: "button", disabled: draft.status === "saving", onClick: on.save }, t("ws.dbSave")),
            h("span", { role: "status", className: draft.error ? "error" : "" }, status),
          ),
      missing,
    ),
  );
}
