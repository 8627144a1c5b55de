/**
 * A workshop participant's lobby: who they are, what happens next, the
 * facilitator's message, and the way to their table once it opens. The
 * server pushes the lobby as it changes (server-sent events, opened with a
 * short-lived ticket); whenever the stream opens (again) the lobby is fetched
 * once. A reload comes back here. Someone who arrives after the tables
 * started chooses here: the seat a bot plays at an open table (they get its
 * hand and score) or a new table of their own with bots.
 */
import { t } from "../i18n/index.js";
import { ApiFailure, participantApi, type Lobby } from "./workshopApi.js";
import { clearParticipant } from "./participant.js";
import { createRef, h, type JSX } from "preact";
import { brandMarkView } from "../ui/brand.js";
import { mount } from "../ui/render.js";
import { announce } from "../ui/announcer.js";
import { bdi, isolate, withNames } from "../ui/names.js";

export interface LobbyActions {
  /** Takes the participant to their table. */
  enterTable(roomId: string, game: string): Promise<void>;
  /** Back to the home screen (the participant left, or the token is no longer valid). */
  home(message?: string): void;
}

/** Shows the lobby for the participant with `token`. Returns a function that stops it. */
export function showLobby(token: string, actions: LobbyActions): () => void {
  let stopped = false;
  let stopFeed: (() => void) | null = null;
  /** Lobbies pushed so far: a fetch that a push overtook is not shown. */
  let pushes = 0;
  let lastMessage = "";
  let lastTable = "";
  /** What the lobby shows: the last lobby (null until the first comes) and an error, if any. */
  let lobby: Lobby | null = null;
  let error = "";
  /** A late joiner's choice is on its way to the server (the buttons wait). */
  let choosing = false;
  const title = createRef<HTMLHeadingElement>();

  /** Takes the seat bot-held at table `table` (its id), or a new table; the answer is the lobby that leads there. */
  const choose = async (table?: string) => {
    if (choosing) return;
    choosing = true;
    draw();
    try {
      const next = await participantApi.seatLate(token, table);
      choosing = false;
      await show(next);
    } catch (e) {
      choosing = false;
      render(lobby, e instanceof Error ? e.message : String(e));
    }
  };

  /** What a late joiner may choose: a button per seat a bot plays, and one for a new table. */
  const lateView = (late: NonNullable<Lobby["late"]>): JSX.Element =>
    h(
      "section",
      { className: "panel late", "aria-labelledby": "late-title" },
      h("h2", { id: "late-title" }, t("ws.lateTitle")),
      h("p", {}, t("ws.lateIntro")),
      late.seats.length === 0 ? h("p", {}, t("ws.lateNoSeat")) : null,
      h(
        "ul",
        { className: "late-seats" },
        late.seats.map((seat) =>
          h(
            "li",
            { key: `${seat.table}:${seat.bot}` },
            h(
              "button",
              { type: "button", className: "primary", disabled: choosing, onClick: () => void choose(seat.table) },
              withNames(t("ws.lateSeat", { bot: isolate(seat.bot), number: seat.number })),
            ),
            seat.players.length > 0
              ? h(
                  "p",
                  { className: "late-players" },
                  withNames(t("ws.lateSeatWith", { number: seat.number, names: seat.players.map(isolate).join(", ") })),
                )
              : null,
          ),
        ),
      ),
      h(
        "button",
        { type: "button", className: "late-new", disabled: choosing, onClick: () => void choose() },
        t("ws.lateNewTable"),
      ),
    );

  const view = (): JSX.Element => {
    const w = lobby?.workshop;
    const table = lobby?.table;
    const lines: string[] = [];
    if (w?.status === "ended") lines.push(t("ws.lobbyEnded"));
    else if (table && (table.status === "finished" || table.status === "ended")) lines.push(t("ws.lobbyDone"));
    else if (table && table.status !== "forming") lines.push(t("ws.lobbyTable", { number: table.number }));
    else if (!lobby?.late) lines.push(t("ws.lobbyWait"));
    return h(
      "main",
      { className: "home lobby", id: "main" },
      h(
        "header",
        { className: "home-header" },
        brandMarkView("home-mark"),
        h(
          "h1",
          { tabindex: -1, ref: title },
          lobby ? withNames(t("ws.lobbyTitle", { name: isolate(lobby.participant.name) })) : t("home.connecting"),
        ),
      ),
      h(
        "section",
        { className: "panel", "aria-live": "polite" },
        w ? h("h2", { dir: "auto" }, w.title) : null,
        lines.map((line) => h("p", { className: "lobby-status" }, line)),
        w?.message ? h("p", { className: "notice" }, t("ws.lobbyMessage", { text: w.message })) : null,
        lobby && lobby.tablemates.length > 0
          ? h("p", {}, t("ws.lobbyTablemates", { names: lobby.tablemates.join(", ") }))
          : null,
        lobby ? h("h3", {}, t("ws.lobbyPresent", { count: lobby.present.length })) : null,
        lobby
          ? h(
              "ul",
              { className: "present" },
              lobby.present.map((name) => h("li", {}, bdi(name))),
            )
          : null,
        error ? h("p", { className: "error", role: "alert" }, error) : null,
      ),
      lobby?.late && w?.status !== "ended" ? lateView(lobby.late) : null,
      h(
        "button",
        {
          type: "button",
          onClick: () => {
            clearParticipant();
            stop();
            actions.home();
          },
        },
        t("ws.lobbyLeave"),
      ),
    );
  };
  let draw = mount(view);
  /** Shows `shown` (null: none yet) with `problem` below it. */
  const render = (shown: Lobby | null, problem = "") => {
    lobby = shown;
    error = problem;
    document.title = `${t("app.title")}: ${isolate(lobby?.workshop.title ?? "")}`;
    draw();
  };

  /** Shows a lobby; takes the participant to their table once it is open. */
  const show = async (next: Lobby) => {
    if (stopped) return;
    render(next);
    if (next.workshop.message && next.workshop.message !== lastMessage) {
      lastMessage = next.workshop.message;
      announce(t("ws.lobbyMessage", { text: lastMessage }));
    }
    const table = next.table;
    if (table?.status === "playing" && table.roomId && table.roomId !== lastTable) {
      lastTable = table.roomId;
      stop();
      try {
        await actions.enterTable(table.roomId, next.workshop.game);
      } catch (e) {
        // The table may be on its way back (a server restart): follow the lobby again; a new room id is tried when it comes.
        stopped = false;
        // The table's screen may have taken the root already.
        draw = mount(view);
        render(next, e instanceof Error ? e.message : String(e));
        start();
      }
    }
  };
  const failed = (e: unknown) => {
    if (stopped) return;
    if (e instanceof ApiFailure && e.code === "UNAUTHORIZED") {
      clearParticipant();
      stop();
      return actions.home(e.message);
    }
    render(null, e instanceof Error ? e.message : String(e));
  };
  /** One fetch when the stream opens (again). */
  const fetchOnce = async () => {
    const seen = pushes;
    try {
      const next = await participantApi.lobby(token);
      if (pushes === seen) await show(next);
    } catch (e) {
      failed(e);
    }
  };
  const start = () => {
    stopFeed = participantApi.follow(token, {
      state: (next) => {
        pushes++;
        void show(next);
      },
      opened: () => void fetchOnce(),
      failed,
    });
  };

  const stop = () => {
    stopped = true;
    stopFeed?.();
    stopFeed = null;
  };

  render(null);
  title.current?.focus();
  start();
  return stop;
}
