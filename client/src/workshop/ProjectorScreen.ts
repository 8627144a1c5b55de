/**
 * The projector view of one workshop (its own address, see
 * `facilitatorRoute.ts`): the whole screen for the room, readable from 10 m
 * at 1920x1080 (workshop.css: the QR code 60 % of the screen's height, the
 * link and the code at least 48 px). Before the tables start, the names of
 * who has arrived appear as they join, with a count; once a table started it
 * shows how far every table has come instead (`tableProgress` in shared).
 * While the workshop is locked the code is dimmed and says so.
 * "Full screen" asks the browser's Fullscreen API (it needs the click).
 */
import "./workshop.css";
import { tableProgress, tablesStarted, type TableProgress } from "@iot/shared/workshop/consoleControls";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { mount } from "../ui/render.js";
import { bdi, isolate, withNames } from "../ui/names.js";
import { ApiFailure, facilitatorApi, type Overview } from "./workshopApi.js";
import { followOverview } from "./overviewFeed.js";

/** Above this many names the list takes a smaller type in more columns, so that more stay on the screen. */
const MANY_NAMES = 16;

/** Where the projector view leads. */
export interface ProjectorRoutes {
  /** Back to the workshop's console. */
  back(): void;
  /** The session ended (signed out elsewhere, expired): sign in again, then back here. */
  signedOut(): void;
}

/** The join link as the room types it: host and path, without the scheme. */
export function shortJoinLink(code: string, host = location.host): string {
  return `${host}/join/${code}`;
}

/** A progress bar of `done` out of `total`, with its sentence as its name. */
function bar(done: number, total: number, label: string): JSX.Element {
  return h("progress", { className: "progress-bar", max: total, value: done, "aria-label": label });
}

/** One table's card in the progress view. */
function progressCard(p: TableProgress): JSX.Element {
  let body: (JSX.Element | string)[];
  switch (p.stage) {
    case "forming":
      body = [h("p", {}, t("ws.tableStatus_forming"))];
      break;
    case "opening":
      body = [h("p", {}, t("ws.progOpening"))];
      break;
    case "finished":
      body = [h("p", { className: "done" }, t("ws.progFinished"))];
      break;
    case "ended":
      body = [h("p", {}, t("ws.tableStatus_ended"))];
      break;
    case "playing":
      if (p.game === "quartet") {
        const laid = t("ws.progQuartets", { count: p.quartets, total: p.quartetsTotal });
        body = [
          h("p", { "data-progress": "quartets" }, laid),
          bar(p.quartets, p.quartetsTotal, laid),
          h(
            "p",
            { className: "turn" },
            p.paused ? t("ws.paused") : p.turnName ? withNames(t("ws.turn", { name: isolate(p.turnName) })) : "",
          ),
        ];
      } else {
        const round = p.beforeFirst
          ? t("ws.progFirst")
          : t(p.underWay ? "ws.progRound" : "ws.progRoundDone", { round: p.round, rounds: p.rounds });
        const done = p.roundsDone;
        body = [
          h("p", { "data-progress": "round" }, round),
          bar(done, p.rounds, round),
          p.paused ? h("p", { className: "turn" }, t("ws.paused")) : null,
        ].filter((x): x is JSX.Element => x !== null);
      }
      break;
  }
  return h(
    "li",
    { key: p.number, className: `progress-card stage-${p.stage}`, "data-table": p.number, "data-stage": p.stage },
    h("h3", {}, t("ws.table", { number: p.number }), " · ", t(`ws.game_${p.game}`)),
    body,
  );
}

/** Shows the projector view of workshop `id`. Returns a function that stops it. */
export function showProjector(id: string, routes: ProjectorRoutes): () => void {
  let overview: Overview | null = null;
  let error = "";
  let stopped = false;
  let full = document.fullscreenElement !== null;

  const toggleFullscreen = () => {
    const done = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen({ navigationUI: "hide" });
    done.catch((e: unknown) => {
      error = e instanceof Error ? e.message : String(e);
      draw();
    });
  };
  const onFullscreen = () => {
    full = document.fullscreenElement !== null;
    draw();
  };

  const names = (o: Overview): JSX.Element =>
    h(
      "section",
      { className: "projector-names", "aria-labelledby": "projector-count" },
      h(
        "h2",
        { id: "projector-count", "data-count": o.participants.length },
        t("ws.projPresent", { count: o.participants.length }),
      ),
      o.participants.length === 0 ? h("p", {}, t("ws.projNobody")) : null,
      h(
        "ul",
        { className: o.participants.length > MANY_NAMES ? "many" : "" },
        o.participants.map((p) => h("li", { key: p.id, title: p.name, dir: "auto" }, bdi(p.name))),
      ),
    );

  const tables = (o: Overview): JSX.Element =>
    h(
      "section",
      { className: "projector-tables", "aria-labelledby": "projector-tables" },
      h("h2", { id: "projector-tables" }, t("ws.projTables")),
      h(
        "ul",
        {},
        o.tables.map((tb) => progressCard(tableProgress(o.workshop.game, tb))),
      ),
    );

  const view = (): JSX.Element => {
    const o = overview;
    const started = o !== null && tablesStarted(o);
    return h(
      "main",
      { className: "projector", id: "main", "data-phase": started ? "tables" : "lobby" },
      h(
        "div",
        { className: "projector-tools" },
        h(
          "button",
          { type: "button", "aria-pressed": full ? "true" : "false", onClick: toggleFullscreen },
          t("ws.fullscreen"),
        ),
        h("button", { type: "button", onClick: routes.back }, t("ws.toConsole")),
      ),
      error ? h("p", { className: "error", role: "alert" }, error) : null,
      o
        ? [
            h("img", {
              key: "qr",
              className: `projector-qr${o.workshop.locked ? " locked" : ""}`,
              src: facilitatorApi.fileUrl(id, "qr.svg"),
              alt: t("ws.qr"),
            }),
            h(
              "div",
              { key: "side", className: "projector-side" },
              h("h1", { tabindex: -1, dir: "auto" }, o.workshop.title),
              h(
                "p",
                { className: "projector-join" },
                h("span", {}, t("ws.projJoin")),
                " ",
                h("span", { className: "projector-link", "data-link": "" }, shortJoinLink(o.workshop.code)),
                " ",
                h("span", {}, t("ws.projCode")),
                " ",
                h("span", { className: "projector-code", "data-code": o.workshop.code }, o.workshop.code),
              ),
              o.workshop.locked ? h("p", { className: "projector-locked", role: "status" }, t("ws.projLocked")) : null,
              started ? tables(o) : names(o),
            ),
          ]
        : null,
    );
  };

  const draw = mount(view);
  const render = () => {
    if (stopped) return;
    if (overview) document.title = `${t("app.title")}: ${isolate(overview.workshop.title)} · ${t("ws.projector")}`;
    draw();
  };
  const stopFeed = followOverview(id, {
    show: (o) => {
      overview = o;
      error = "";
      render();
    },
    fail: (e) => {
      if (e instanceof ApiFailure && e.code === "UNAUTHORIZED" && !stopped) return routes.signedOut();
      error = e instanceof ApiFailure ? e.message : String(e);
      render();
    },
  });
  document.addEventListener("fullscreenchange", onFullscreen);
  return () => {
    stopped = true;
    stopFeed();
    document.removeEventListener("fullscreenchange", onFullscreen);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };
}
