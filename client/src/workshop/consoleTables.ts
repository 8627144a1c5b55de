/**
 * The console's live tables: each table's card (who sits there and, while it
 * plays, its game's live summary: whose turn, cards and quartets, or a planner
 * region's round, clock and key figures), with the moves, the removal of a
 * participant and the per-table start and stop.
 */
import { isStuck } from "@iot/shared/workshop/constants";
import type { PlannerTableSummary, QuartetTableSummary } from "@iot/shared/workshop/responses";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { bdi, isolate, withNames } from "../ui/names.js";
import { facilitatorApi, type Overview, type OverviewTable } from "./workshopApi.js";
import { removeParticipantButton } from "./participantControls.js";

/** What the cards need of the console. */
export interface TablesContext {
  /** The workshop's id. */
  readonly id: string;
  /** Runs an API call and shows the overview it answers (or its error). */
  readonly run: (act: () => Promise<Overview>) => Promise<void>;
  /** When the overview arrived (ms since the epoch; its summaries' idle times were measured then). */
  readonly receivedAt: number;
}

/** The list to move a participant to another table; it shows their table until the next overview moves them. */
export const moveSelect = (c: TablesContext, o: Overview, participantId: string, current: number) =>
  h(
    "select",
    {
      "aria-label": t("ws.moveTo"),
      value: String(current),
      onChange: (e: Event) =>
        void c.run(() => facilitatorApi.move(c.id, participantId, Number((e.target as HTMLSelectElement).value))),
    },
    h("option", { key: 0, value: "0" }, t("ws.noTable")),
    o.tables
      .filter((tb) => tb.status === "forming" || tb.number === current)
      .map((tb) => h("option", { key: tb.number, value: String(tb.number) }, t("ws.table", { number: tb.number }))),
    h("option", { key: "new", value: String(Math.max(0, ...o.tables.map((tb) => tb.number)) + 1) }, t("ws.newTable")),
  );

/** A planner region: round and clock, then each planner's key figures. */
export const plannerLines = (p: PlannerTableSummary): JSX.Element =>
  h(
    "div",
    { className: "planner-live" },
    h(
      "p",
      {},
      t("ws.plannerRound", {
        round: p.round,
        clock: `${String(Math.floor(p.clock / 60)).padStart(2, "0")}:${String(Math.round(p.clock % 60)).padStart(2, "0")}`,
      }),
    ),
    h(
      "ul",
      {},
      p.planners.map((x) =>
        h(
          "li",
          { "data-planner": x.name },
          bdi(x.name),
          ` · ${x.connected ? t("ws.connected") : t("ws.disconnected")} · ${t("ws.plannerKpis", {
            cost: Math.round(x.cost),
            km: Math.round(x.km),
            co2: Math.round(x.co2Kg),
            late: x.late,
            unplanned: x.unplanned,
          })}`,
        ),
      ),
    ),
  );

/** A quartet table: whose turn, the asks, and every player's cards and quartets. */
const quartetLines = (q: QuartetTableSummary, idle: string): JSX.Element =>
  h(
    "div",
    {},
    h(
      "p",
      {},
      q.paused ? t("ws.paused") : q.turnName ? withNames(t("ws.turn", { name: isolate(q.turnName) })) : "",
      " · ",
      t("ws.asks", { count: q.asks }),
      " · ",
      idle,
    ),
    h(
      "ul",
      {},
      q.players.map((p) =>
        h(
          "li",
          {},
          bdi(p.name),
          ` · ${p.isBot ? t("ws.bot") : p.connected ? t("ws.connected") : t("ws.disconnected")} · ${t("ws.cards", { count: p.handCount })} · ${t("ws.quartets", { count: p.quartets })}`,
        ),
      ),
    ),
  );

export const tableCard = (c: TablesContext, o: Overview, tb: OverviewTable): JSX.Element => {
  const l = tb.live;
  // The summary's idle time, plus the time since it came.
  const idleMs = l ? l.idleMs + Math.max(0, Date.now() - c.receivedAt) : 0;
  const stuck = l !== null && isStuck(l, idleMs);
  const idle = t("ws.idle", { seconds: Math.round(idleMs / 1000) });
  let body: JSX.Element;
  if (!l) {
    body = h(
      "ul",
      {},
      tb.participants.map((p) =>
        h(
          "li",
          { key: p.id },
          bdi(p.name),
          " ",
          tb.status === "forming" ? moveSelect(c, o, p.id, tb.number) : null,
          " ",
          tb.status === "forming" || tb.status === "playing" ? removeParticipantButton(o, p.id, c.run) : null,
        ),
      ),
    );
  } else if (l.game === "quartet") body = quartetLines(l, idle);
  else body = h("div", {}, h("p", {}, l.paused ? `${t("ws.paused")} · ${idle}` : idle), plannerLines(l));
  return h(
    "li",
    { key: tb.id, className: `table-card${stuck ? " stuck" : ""}`, "data-table": tb.number },
    h("h3", {}, t("ws.table", { number: tb.number }), " · ", t(`ws.tableStatus_${tb.status}`)),
    stuck ? h("p", { className: "flag", role: "status" }, t("ws.stuck")) : null,
    body,
    l && tb.status === "playing" && tb.participants.length > 0
      ? h(
          "div",
          { className: "seated" },
          h("p", { id: `seated-${tb.id}` }, t("ws.seated")),
          h(
            "ul",
            { "aria-labelledby": `seated-${tb.id}` },
            tb.participants.map((p) =>
              h("li", { key: p.id }, bdi(p.name), " ", removeParticipantButton(o, p.id, c.run)),
            ),
          ),
        )
      : null,
    tb.status === "forming"
      ? h(
          "button",
          { type: "button", onClick: () => void c.run(() => facilitatorApi.startTable(c.id, tb.id)) },
          t("ws.startTable"),
        )
      : tb.status === "playing"
        ? h(
            "button",
            { type: "button", onClick: () => void c.run(() => facilitatorApi.endTable(c.id, tb.id)) },
            t("ws.endTable"),
          )
        : null,
  );
};
