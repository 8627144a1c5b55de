/**
 * A workshop participant's lobby: who they are, what happens next, the
 * facilitator's message, and the way to their table once it opens. It asks
 * the server every two seconds; a reload comes back here.
 */
import { t } from "../i18n/index.js";
import { ApiFailure, participantApi, type Lobby } from "./workshopApi.js";
import { clearParticipant } from "./participant.js";
import { brandMark } from "../ui/brand.js";
import { appRoot, h, replaceChildren } from "../ui/dom.js";
import { announce } from "../ui/announcer.js";

const POLL_MS = 2_000;

export interface LobbyActions {
  /** Takes the participant to their table. */
  enterTable(roomId: string, game: string): Promise<void>;
  /** Back to the home screen (the participant left, or the token is no longer valid). */
  home(message?: string): void;
}

/** Shows the lobby for the participant with `token`. Returns a function that stops it. */
export function showLobby(token: string, actions: LobbyActions): () => void {
  let stopped = false;
  let timer = 0;
  let lastMessage = "";
  let lastTable = "";
  const root = appRoot();

  const render = (lobby: Lobby | null, error = "") => {
    const w = lobby?.workshop;
    const table = lobby?.table;
    document.title = `${t("app.title")}: ${w?.title ?? ""}`;
    const lines: string[] = [];
    if (w?.status === "ended") lines.push(t("ws.lobbyEnded"));
    else if (table && (table.status === "finished" || table.status === "ended")) lines.push(t("ws.lobbyDone"));
    else if (table && table.status !== "forming") lines.push(t("ws.lobbyTable", { number: table.number }));
    else lines.push(t("ws.lobbyWait"));
    replaceChildren(
      root,
      h(
        "main",
        { className: "home lobby", id: "main" },
        h(
          "header",
          { className: "home-header" },
          brandMark("home-mark"),
          h(
            "h1",
            { tabindex: -1 },
            lobby ? t("ws.lobbyTitle", { name: lobby.participant.name }) : t("home.connecting"),
          ),
        ),
        h(
          "section",
          { className: "panel", "aria-live": "polite" },
          w ? h("h2", {}, w.title) : null,
          ...lines.map((line) => h("p", { className: "lobby-status" }, line)),
          w?.message ? h("p", { className: "notice" }, t("ws.lobbyMessage", { text: w.message })) : null,
          lobby && lobby.tablemates.length > 0
            ? h("p", {}, t("ws.lobbyTablemates", { names: lobby.tablemates.join(", ") }))
            : null,
          lobby ? h("h3", {}, t("ws.lobbyPresent", { count: lobby.present.length })) : null,
          lobby ? h("ul", { className: "present" }, ...lobby.present.map((name) => h("li", {}, name))) : null,
          error ? h("p", { className: "error", role: "alert" }, error) : null,
        ),
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              clearParticipant();
              stop();
              actions.home();
            },
          },
          t("ws.lobbyLeave"),
        ),
      ),
    );
  };

  const poll = async () => {
    if (stopped) return;
    try {
      const lobby = await participantApi.lobby(token);
      if (stopped) return;
      render(lobby);
      if (lobby.workshop.message && lobby.workshop.message !== lastMessage) {
        lastMessage = lobby.workshop.message;
        announce(t("ws.lobbyMessage", { text: lastMessage }));
      }
      const table = lobby.table;
      if (table?.status === "playing" && table.roomId && table.roomId !== lastTable) {
        lastTable = table.roomId;
        stop();
        try {
          await actions.enterTable(table.roomId, lobby.workshop.game ?? "quartet");
          return;
        } catch (e) {
          // The table may be on its way back (a server restart): keep asking; a new room id is tried when it comes.
          stopped = false;
          render(lobby, e instanceof Error ? e.message : String(e));
        }
      }
    } catch (e) {
      if (e instanceof ApiFailure && e.code === "UNAUTHORIZED") {
        clearParticipant();
        stop();
        return actions.home(e.message);
      }
      render(null, e instanceof Error ? e.message : String(e));
    }
    if (!stopped) timer = window.setTimeout(() => void poll(), POLL_MS);
  };

  const stop = () => {
    stopped = true;
    window.clearTimeout(timer);
  };

  render(null);
  root.querySelector<HTMLElement>("h1")?.focus();
  void poll();
  return stop;
}
