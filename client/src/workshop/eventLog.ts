/**
 * The workshop's log in the facilitator's console: where each participant
 * who arrived after the tables started went (a bot's seat, or a new table).
 */
import { h, type JSX } from "preact";
import type { WorkshopEvent } from "@iot/shared/workshop/api";
import { lang, t } from "../i18n/index.js";
import { isolate, withNames } from "../ui/names.js";

/** The time of day of ISO-8601 `at` as hours and minutes, in the screen's language. */
function timeOf(at: string): string {
  return new Date(at).toLocaleTimeString(lang() === "en" ? "en-GB" : "nl-NL", { hour: "2-digit", minute: "2-digit" });
}

/** One sentence per line of the log, newest first; null when the log is empty. */
export function eventLogView(events: readonly WorkshopEvent[]): JSX.Element | null {
  if (events.length === 0) return null;
  return h(
    "section",
    { key: "events", className: "panel workshop-events" },
    h("h2", {}, t("ws.eventsTitle")),
    h(
      "ul",
      { className: "event-log" },
      [...events].reverse().map((e) =>
        h(
          "li",
          { key: `${e.at}:${e.name}` },
          withNames(
            t(e.kind === "new-table" ? "ws.event_newTable" : "ws.event_seatTaken", {
              time: timeOf(e.at),
              name: isolate(e.name),
              bot: isolate(e.bot),
              table: e.table,
            }),
          ),
        ),
      ),
    ),
  );
}
