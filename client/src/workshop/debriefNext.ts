/**
 * Step 4 of the debrief, next steps: the workshop's priorities in the
 * facilitator's order, each with its card, owner and next step, and a
 * pointer to the downloads (the screen's toolbar holds them).
 */
import { h, type JSX } from "preact";
import type { Debrief } from "@iot/shared/workshop/debrief";
import { t } from "../i18n/index.js";
import { isolate, withNames } from "../ui/names.js";
import { stepFrame, themeOf, titleOf } from "./debriefParts.js";
import { themeOf as themeOfCard } from "@iot/shared/quartet/cardIds";

/** The next-steps step: the saved priorities (`d.priorities`). */
export function nextStep(d: Debrief): JSX.Element {
  return stepFrame(
    "next",
    t("ws.dbNextSteps"),
    h(
      "div",
      { className: "next-steps" },
      d.workshop.game === "planner"
        ? null
        : [
            h("h3", {}, t("ws.dbPrioritiesHead")),
            d.priorities.length === 0
              ? h("p", {}, t("ws.dbNoPriorities"))
              : h(
                  "ol",
                  { className: "priorities" },
                  d.priorities.map((p) =>
                    h(
                      "li",
                      { key: p.cardId, "data-card": p.cardId },
                      h("strong", {}, `${titleOf(p.cardId)}`),
                      ` · ${themeOf(themeOfCard(p.cardId))}`,
                      h(
                        "p",
                        { className: "owner" },
                        p.owner ? withNames(t("ws.dbOwnerIs", { owner: isolate(p.owner) })) : t("ws.dbNoOwner"),
                      ),
                      p.nextStep ? h("p", { className: "next-step" }, p.nextStep) : null,
                    ),
                  ),
                ),
          ],
      h("p", { className: "downloads-hint" }, t("ws.dbDownloads")),
    ),
  );
}
