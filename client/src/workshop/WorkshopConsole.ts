/**
 * The facilitator's console for one workshop (its own address, see
 * `facilitatorRoute.ts`): the join code, link and QR code, who has arrived,
 * the tables (formed automatically or by hand), and a live overview of every
 * table. Only the controls that apply to the workshop's game and phase are
 * shown (`consoleControls` in shared); ending asks first. The server pushes
 * the overview as it changes (server-sent events); whenever the stream opens
 * (again) the console fetches it once.
 */
import "./workshop.css";
import { consoleControls, type ConsoleControl } from "@iot/shared/workshop/consoleControls";
import { t } from "../i18n/index.js";
import { ApiFailure, facilitatorApi, type Overview } from "./workshopApi.js";
import { createRef, h, type JSX } from "preact";
import { mount } from "../ui/render.js";
import { showDebrief } from "./DebriefScreen.js";
import { bdi, isolate } from "../ui/names.js";
import { confirmDialog } from "./confirmDialog.js";
import { moveSelect, tableCard, type TablesContext } from "./consoleTables.js";
import { followOverview } from "./overviewFeed.js";
import { eventLogView } from "./eventLog.js";
import { lockControl, removeParticipantButton, reopenControl } from "./participantControls.js";

/** How often the idle times and the stuck flags are brought up to date between pushes (ms; no request). */
const TICK_MS = 5_000;

/** Where the console leads. */
export interface ConsoleRoutes {
  /** Back to the list of workshops. */
  back(): void;
  /** The workshop's projector view. */
  projector(): void;
  /** The session ended (signed out elsewhere, expired): sign in again, then back here. */
  signedOut(): void;
}

/**
 * Shows the console of workshop `id`. Returns a function that stops it.
 * Every overview redraws it (Preact changes only what differs): the message
 * being typed, an open move list and focus stay.
 */
export function showWorkshopConsole(id: string, routes: ConsoleRoutes): () => void {
  let overview: Overview | null = null;
  /** When the overview arrived (its summaries' idle times were measured then). */
  let receivedAt = 0;
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
    const first = overview === null;
    overview = o;
    receivedAt = Date.now();
    error = "";
    render();
    // The first overview brings the heading: focus goes there, as on any new page.
    if (first && !stopped) document.querySelector<HTMLElement>(".console h1")?.focus();
  };
  const fail = (e: unknown) => {
    if (e instanceof ApiFailure && e.code === "UNAUTHORIZED" && !stopped) return routes.signedOut();
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
  const start = () => {
    stopped = false;
    draw = mount(view);
    render();
    stopFeed = followOverview(id, { show, fail });
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

  /** Asks before the workshop ends, saying what ending does. */
  const confirmEnd = async () => {
    const yes = await confirmDialog({
      title: t("ws.confirmEndTitle"),
      text: [t("ws.confirmEnd"), t("ws.confirmEndKept")],
      confirm: t("ws.confirmEndYes"),
      cancel: t("ws.cancel"),
    });
    if (yes && !stopped) await run(() => facilitatorApi.end(id));
  };

  /** The button of one control that applies now. */
  const controlButton = (c: ConsoleControl): JSX.Element => {
    const button = (label: string, act: () => void, extra: Record<string, string> = {}) =>
      h("button", { type: "button", key: c.kind, "data-control": c.kind, onClick: act, ...extra }, label);
    switch (c.kind) {
      case "formTables":
        return button(t("ws.formTables"), () => void run(() => facilitatorApi.formTables(id)));
      case "startAll":
        return button(t("ws.startAll"), () => void run(() => facilitatorApi.startAll(id)), { className: "primary" });
      case "next":
        return button(
          !c.step
            ? t("ws.nextMixed")
            : c.step.kind === "end"
              ? t("ws.nextEnd", { round: c.step.round })
              : t("ws.nextStart", { round: c.step.round }),
          () => void run(() => facilitatorApi.nextRound(id)),
          { id: "next-round" },
        );
      case "pause":
        return button(t("ws.pause"), () => void run(() => facilitatorApi.pause(id)));
      case "resume":
        return button(t("ws.resume"), () => void run(() => facilitatorApi.resume(id)));
      case "end":
        return button(t("ws.endWorkshop"), () => void confirmEnd(), { className: "danger" });
    }
  };

  const view = (): JSX.Element => {
    const o = overview;
    const controls = o ? consoleControls(o) : [];
    return h(
      "main",
      { className: "home facilitator console", id: "main" },
      h(
        "nav",
        { className: "console-nav", "aria-label": t("ws.consoleNav") },
        h("button", { type: "button", onClick: routes.back }, t("ws.toList")),
      ),
      o ? head(o) : h("div", { className: "console-head" }),
      h("p", { className: "error", role: "alert" }, error),
      h(
        "div",
        { className: "console-actions" },
        controls.filter((c) => c.kind !== "end").map(controlButton),
        h("button", { type: "button", key: "projector", onClick: routes.projector }, t("ws.projector")),
        h("button", { type: "button", key: "debrief", onClick: () => openDebrief() }, t("ws.debrief")),
        o ? reopenControl(o, run) : null,
        controls.filter((c) => c.kind === "end").map(controlButton),
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
        lockControl(o, run),
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

  /** Who has arrived and who waits for a table, then every table. */
  const liveView = (o: Overview): JSX.Element[] => {
    const c: TablesContext = { id, run, receivedAt };
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
          waiting.map((p) =>
            h(
              "li",
              { key: p.id },
              bdi(p.name),
              " ",
              moveSelect(c, o, p.id, 0),
              " ",
              removeParticipantButton(o, p.id, run),
            ),
          ),
        ),
      ),
      ...[eventLogView(o.events ?? [])].filter((e) => e !== null),
      h(
        "section",
        { key: "tables", className: "panel" },
        h("h2", {}, t("ws.tables")),
        h(
          "ul",
          { className: "table-grid" },
          o.tables.map((tb) => tableCard(c, o, tb)),
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
