/**
 * The facilitator's console for one workshop: the join code, link and QR
 * code for the projector, who has arrived, the tables (formed automatically
 * or by hand), and a live overview of every table with pause, message and
 * end. The server pushes the overview as it changes (server-sent events);
 * whenever the stream opens (again) the console fetches it once.
 */
import { isStuck } from "@iot/shared/workshop/constants";
import type { PlannerTableSummary, QuartetTableSummary } from "@iot/shared/workshop/responses";
import { t } from "../i18n/index.js";
import { ApiFailure, facilitatorApi, type Overview, type OverviewTable } from "./workshopApi.js";
import { createRef, h, type JSX } from "preact";
import { mount } from "../ui/render.js";
import { showDebrief } from "./DebriefScreen.js";
import { bdi, isolate, withNames } from "../ui/names.js";

/** How often the idle times and the stuck flags are brought up to date between pushes (ms; no request). */
const TICK_MS = 5_000;

/**
 * Shows the console of workshop `id`; `back` returns to the list. Returns a
 * function that stops it. Every overview redraws it (Preact changes only what
 * differs): the message being typed, an open move list and focus stay.
 */
export function showWorkshopConsole(id: string, back: () => void): () => void {
  let overview: Overview | null = null;
  /** When the overview arrived (its summaries' idle times were measured then). */
  let receivedAt = 0;
  /** Overviews pushed so far: a fetch that a push overtook is not shown. */
  let pushes = 0;
  let error = "";
  let stopped = false;
  let stopFeed: (() => void) | null = null;
  let ticker = 0;
  let draw: () => void = () => {};
  const messageInput = createRef<HTMLInputElement>();

  const render = (): void => {
    if (stopped) return;
    if (overview) document.title = `${t("app.title")}: ${isolate(overview.workshop.title)}`;
    draw();
  };
  const show = (o: Overview) => {
    overview = o;
    receivedAt = Date.now();
    error = "";
    render();
  };
  const fail = (e: unknown) => {
    error = e instanceof ApiFailure ? e.message : String(e);
    render();
  };
  const run = async (act: () => Promise<Overview>) => {
    try {
      show(await act());
    } catch (e) {
      fail(e);
    }
  };
  /** One fetch when the stream opens (or was refused, to show why). */
  const fetchOnce = async () => {
    const seen = pushes;
    try {
      const o = await facilitatorApi.overview(id);
      if (!stopped && pushes === seen) show(o);
    } catch (e) {
      if (!stopped) fail(e);
    }
  };
  const start = () => {
    stopped = false;
    draw = mount(view);
    render();
    stopFeed = facilitatorApi.follow(id, {
      state: (o) => {
        pushes++;
        show(o);
      },
      opened: () => void fetchOnce(),
      failed: () => void fetchOnce(),
    });
    ticker = window.setInterval(() => render(), TICK_MS);
  };
  const stopAll = () => {
    stopped = true;
    stopFeed?.();
    stopFeed = null;
    window.clearInterval(ticker);
  };

  const sendMessage = (e: Event) => {
    e.preventDefault();
    const input = messageInput.current;
    const text = input?.value.trim() ?? "";
    if (input && text) void run(() => facilitatorApi.message(id, text)).then(() => (input.value = ""));
  };

  const view = (): JSX.Element => {
    const o = overview;
    return h(
      "main",
      { className: "home facilitator console", id: "main" },
      o ? head(o) : h("div", { className: "console-head" }),
      h("p", { className: "error", role: "alert" }, error),
      h(
        "div",
        { className: "console-actions" },
        h(
          "button",
          { type: "button", onClick: () => void run(() => facilitatorApi.formTables(id)) },
          t("ws.formTables"),
        ),
        h(
          "button",
          { type: "button", className: "primary", onClick: () => void run(() => facilitatorApi.startAll(id)) },
          t("ws.startAll"),
        ),
        h(
          "button",
          { type: "button", id: "next-round", onClick: () => void run(() => facilitatorApi.nextRound(id)) },
          t("ws.nextRound"),
        ),
        h("button", { type: "button", onClick: () => void run(() => facilitatorApi.pause(id)) }, t("ws.pause")),
        h("button", { type: "button", onClick: () => void run(() => facilitatorApi.resume(id)) }, t("ws.resume")),
        h("button", { type: "button", onClick: () => openDebrief() }, t("ws.debrief")),
        h(
          "button",
          {
            type: "button",
            onClick: () => {
              if (window.confirm(t("ws.confirmEnd"))) void run(() => facilitatorApi.end(id));
            },
          },
          t("ws.endWorkshop"),
        ),
        h("button", { type: "button", onClick: back }, t("ws.back")),
      ),
      h(
        "form",
        { className: "console-message", onSubmit: sendMessage },
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.message")),
          h("input", { ref: messageInput, name: "text", maxLength: 280 }),
        ),
        h("button", { type: "submit" }, t("ws.send")),
      ),
      h("div", { className: "console-live", "aria-live": "off" }, o ? liveView(o) : null),
    );
  };

  const head = (o: Overview): JSX.Element => {
    const link = `${location.origin}/join/${o.workshop.code}`;
    return h(
      "header",
      { className: "console-head" },
      h(
        "div",
        {},
        h("h1", { tabindex: -1, dir: "auto" }, o.workshop.title),
        h("p", {}, t(`ws.status_${o.workshop.status}`)),
      ),
      h(
        "div",
        { className: "join-code" },
        h("p", {}, t("ws.joinAt", { link })),
        h("p", { className: "code", "data-code": o.workshop.code }, o.workshop.code),
      ),
      h("img", {
        className: "qr",
        src: facilitatorApi.fileUrl(id, "qr.svg"),
        alt: t("ws.qr"),
        width: 160,
        height: 160,
      }),
    );
  };

  /** The list to move a participant to another table; it shows their table until the next overview moves them. */
  const moveSelect = (o: Overview, participantId: string, current: number) =>
    h(
      "select",
      {
        "aria-label": t("ws.moveTo"),
        value: String(current),
        onChange: (e: Event) =>
          void run(() => facilitatorApi.move(id, participantId, Number((e.target as HTMLSelectElement).value))),
      },
      h("option", { key: 0, value: "0" }, t("ws.noTable")),
      o.tables
        .filter((tb) => tb.status === "forming" || tb.number === current)
        .map((tb) => h("option", { key: tb.number, value: String(tb.number) }, t("ws.table", { number: tb.number }))),
      h("option", { key: "new", value: String(Math.max(0, ...o.tables.map((tb) => tb.number)) + 1) }, t("ws.newTable")),
    );

  /** A planner region: round and clock, then each planner's key figures. */
  const plannerLines = (p: PlannerTableSummary): JSX.Element =>
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

  const tableCard = (o: Overview, tb: OverviewTable): JSX.Element => {
    const l = tb.live;
    // The summary's idle time, plus the time since it came.
    const idleMs = l ? l.idleMs + Math.max(0, Date.now() - receivedAt) : 0;
    const stuck = l !== null && isStuck(l, idleMs);
    const idle = t("ws.idle", { seconds: Math.round(idleMs / 1000) });
    let body: JSX.Element;
    if (!l) {
      body = h(
        "ul",
        {},
        tb.participants.map((p) =>
          h("li", { key: p.id }, bdi(p.name), " ", tb.status === "forming" ? moveSelect(o, p.id, tb.number) : null),
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
      tb.status === "forming"
        ? h(
            "button",
            { type: "button", onClick: () => void run(() => facilitatorApi.startTable(id, tb.id)) },
            t("ws.startTable"),
          )
        : tb.status === "playing"
          ? h(
              "button",
              { type: "button", onClick: () => void run(() => facilitatorApi.endTable(id, tb.id)) },
              t("ws.endTable"),
            )
          : null,
    );
  };

  /** Who has arrived and who waits for a table, then every table. */
  const liveView = (o: Overview): JSX.Element[] => {
    const waiting = o.participants.filter((p) => !p.tableId);
    return [
      h(
        "section",
        { key: "participants", className: "panel" },
        h("h2", {}, t("ws.participants", { count: o.participants.length })),
        o.participants.length === 0 ? h("p", {}, t("ws.noParticipants")) : null,
        waiting.length > 0 ? h("h3", {}, t("ws.lobbyList")) : null,
        h(
          "ul",
          { className: "waiting" },
          waiting.map((p) => h("li", { key: p.id }, bdi(p.name), " ", moveSelect(o, p.id, 0))),
        ),
      ),
      h(
        "section",
        { key: "tables", className: "panel" },
        h("h2", {}, t("ws.tables")),
        h(
          "ul",
          { className: "table-grid" },
          o.tables.map((tb) => tableCard(o, tb)),
        ),
      ),
    ];
  };

  const openDebrief = (): void => {
    stopAll();
    showDebrief(id, () => {
      // Back to the console: it shows the overview that the stream's first fetch brings.
      overview = null;
      start();
    });
  };

  start();
  return stopAll;
}
