/**
 * Bootstrap: language, then either the remembered seat (after a reload) or
 * the home screen. The table (Phaser) and the network layer (Colyseus) load
 * on demand, so the first screen stays light.
 */
import "./ui/base.css";
import { setLang, storedLang, t } from "./i18n/index.js";
import type { TableConnection } from "./quartet/net/connection.js";
import type { JoinChoices, QuickPlayChoices } from "./quartet/net/types.js";
import { loadSeat } from "./quartet/net/session.js";
import { showHome } from "./quartet/HomeScreen.js";
import { loadHomeForm } from "./quartet/homeForm.js";
import { h } from "preact";
import { mount } from "./ui/render.js";
import { errorText } from "./net/errors.js";
import { normaliseJoinCode } from "@iot/shared/workshop/constants";
import { loadParticipant, saveParticipant } from "./workshop/participant.js";
import { apiBase, participantApi } from "./workshop/workshopApi.js";
import { showLobby } from "./workshop/LobbyScreen.js";
import { lang } from "./i18n/index.js";
import { facilitatorHash, facilitatorRoute, type FacilitatorRoute } from "./workshop/facilitatorRoute.js";

let lastQuickPlay: QuickPlayChoices | null = null;
/** Who the player said they are at the last table they joined (a friends' table plays again with it). */
let lastChoices: JoinChoices | null = null;
let stopHome: (() => void) | null = null;

const loadTable = () => import("./quartet/table/TableApp.js");
const loadNet = () => import("./quartet/net/connection.js");

/** Opens the table screen for a connection that is being made. */
async function enterTable(connecting: Promise<TableConnection>): Promise<void> {
  const [{ openTable }, conn] = await Promise.all([loadTable(), connecting]);
  stopHome?.();
  stopHome = null;
  await openTable(conn, {
    home: (message) => home(message),
    again: (code) => {
      if (code && lastChoices) return void joinTable(code, lastChoices).catch((e: unknown) => home(errorText(e)));
      if (lastQuickPlay) return void quickPlay(lastQuickPlay).catch((e: unknown) => home(errorText(e)));
      home();
    },
  });
}

/** Opens a friends' table: the host waits at it for the friends they share its code with. */
async function friends(choices: QuickPlayChoices): Promise<void> {
  lastQuickPlay = null;
  lastChoices = choices;
  await enterTable(loadNet().then(({ TableConnection }) => TableConnection.friends(choices)));
}

/** Joins a quartet table by its code (a friends' table's, or a quick-play table's room id). */
async function joinTable(code: string, choices: JoinChoices): Promise<void> {
  lastChoices = choices;
  await enterTable(loadNet().then(({ TableConnection }) => TableConnection.join(code, choices)));
}

/** Whether `code` is a friends' table's (`GET /api/tables/:code` answers a status other than `none`). */
async function isFriendsTable(code: string): Promise<boolean> {
  try {
    const res = await fetch(`${apiBase()}/api/tables/${encodeURIComponent(code)}`);
    return res.ok && ((await res.json()) as { status?: string }).status !== "none";
  } catch {
    return false;
  }
}

async function quickPlay(choices: QuickPlayChoices): Promise<void> {
  lastQuickPlay = choices;
  await enterTable(loadNet().then(({ TableConnection }) => TableConnection.quickPlay(choices)));
}

async function join(code: string, choices: JoinChoices): Promise<void> {
  lastQuickPlay = null;
  const workshopCode = normaliseJoinCode(code);
  if (workshopCode && (await isFriendsTable(workshopCode))) return joinTable(workshopCode, choices);
  if (workshopCode) {
    // A workshop's join code: the participant waits in the lobby for their table.
    const joined = await participantApi.join(workshopCode, choices.name, choices.role, choices.phase);
    saveParticipant({ token: joined.token, code: workshopCode });
    lobby();
    return;
  }
  await joinTable(code, choices);
}

/** The workshop participant's lobby (they are taken to their table from there). */
function lobby(message = ""): void {
  const participant = loadParticipant();
  if (!participant) return home(message);
  stopHome?.();
  stopHome = showLobby(participant.token, {
    enterTable: async (roomId, game) => {
      if (game === "planner") {
        const [{ PlannerConnection }, { showPlannerDesk }] = await Promise.all([
          import("./planner/plannerConnection.js"),
          loadPlanner(),
        ]);
        const conn = await PlannerConnection.joinWorkshop(roomId, participant.token, lang());
        showPlannerDesk(conn, (m) => lobby(m ?? ""));
        return;
      }
      await enterTable(
        loadNet().then(({ TableConnection }) => TableConnection.joinWorkshop(roomId, participant.token, lang())),
      );
    },
    home: (m) => home(m ?? ""),
  });
}

const loadPlanner = () => import("./planner/PlannerScreen.js");
const loadFacilitator = () => import("./workshop/FacilitatorScreen.js");
const loadConsole = () => import("./workshop/WorkshopConsole.js");
const loadProjector = () => import("./workshop/ProjectorScreen.js");

/** The planner game: open or join a region, then the planning desk. */
async function planner(message = ""): Promise<void> {
  const [{ showPlannerHome }, { showPlannerDesk }] = await Promise.all([
    import("./planner/PlannerHomeScreen.js"),
    loadPlanner(),
  ]);
  const leave = (m?: string) => {
    history.replaceState(null, "", location.pathname + location.search);
    home(m ?? "");
  };
  showPlannerHome(
    (connecting) => {
      connecting
        .then((conn) => showPlannerDesk(conn, leave))
        .catch((e: unknown) => void planner(t("home.failed", { reason: errorText(e) })));
    },
    () => leave(),
    message,
  );
}

/** Goes to the facilitator's screen `route` (a new history entry: the back button returns). */
function navigate(route: FacilitatorRoute): void {
  location.hash = facilitatorHash(route);
}

/**
 * The facilitator's screen the address names: the list, or a workshop's
 * console or projector view (after the sign-in form when the facilitator is
 * not signed in). The screens load on demand: participants never fetch them.
 */
function facilitator(route: FacilitatorRoute): void {
  let stopped = false;
  let stops: (() => void)[] = [];
  stopHome = () => {
    stopped = true;
    for (const stop of stops) stop();
    stops = [];
  };
  const leave = () => {
    history.replaceState(null, "", location.pathname + location.search);
    home();
  };
  const toList = () => navigate({ page: "list" });
  Promise.all([loadFacilitator(), loadConsole(), loadProjector()])
    .then(([{ showFacilitator }, { showWorkshopConsole }, { showProjector }]) => {
      if (stopped) return;
      const workshopPage = (): boolean => {
        if (stopped || route.page === "list") return false;
        const id = route.id;
        stops.push(
          route.page === "console"
            ? showWorkshopConsole(id, {
                back: toList,
                projector: () => navigate({ page: "projector", id }),
                signedOut: () => home(),
              })
            : showProjector(id, { back: () => navigate({ page: "console", id }), signedOut: () => home() }),
        );
        return true;
      };
      stops.push(showFacilitator(leave, { open: (id) => navigate({ page: "console", id }), signedIn: workshopPage }));
    })
    .catch((e: unknown) => {
      if (!stopped) stopHome = showHome({ quickPlay, friends, join }, t("home.failed", { reason: errorText(e) }));
    });
}

function home(message = ""): void {
  stopHome?.();
  const route = facilitatorRoute(location.hash);
  if (!route && loadParticipant()) {
    stopHome = null;
    return lobby(message);
  }
  if (location.hash === "#planner") {
    stopHome = null;
    void planner(message);
    return;
  }
  if (route) return facilitator(route);
  stopHome = showHome({ quickPlay, friends, join }, message ? t("home.failed", { reason: message }) : "");
}

async function boot(): Promise<void> {
  setLang(storedLang());
  // A join link (/join/CODE, e.g. from the QR code) fills in the code.
  const linked = /^\/join\/([^/]+)$/.exec(location.pathname);
  if (linked) history.replaceState(null, "", `/?code=${encodeURIComponent(decodeURIComponent(linked[1] ?? ""))}`);
  window.addEventListener("hashchange", () => {
    if (!document.querySelector(".table-screen") && !document.querySelector(".planner")) home();
  });
  if (sessionStorage.getItem("iot.planner.reconnect")) {
    // A reload during a planner game: take the same carrier back.
    const [{ PlannerConnection }, { showPlannerDesk }] = await Promise.all([
      import("./planner/plannerConnection.js"),
      loadPlanner(),
    ]);
    const conn = await PlannerConnection.resume();
    if (conn) {
      showPlannerDesk(conn, (m) => {
        history.replaceState(null, "", location.pathname + location.search);
        home(m ?? "");
      });
      return;
    }
  }
  if (loadSeat()) {
    // A reload during a game: take the same seat back.
    mount(() =>
      h(
        "main",
        { className: "home", id: "main" },
        h("p", { className: "notice", role: "status" }, t("connection.reconnecting")),
      ),
    );
    const [{ TableConnection }, { openTable }] = await Promise.all([loadNet(), loadTable()]);
    const conn = await TableConnection.resume();
    if (conn) {
      await openTable(conn, {
        home: (message) => home(message),
        // A friends' table's group plays again with the name the home screen remembers.
        again: (code) => {
          const name = loadHomeForm().name.trim();
          if (code && name)
            return void joinTable(code, { name, lang: lang() }).catch((e: unknown) => home(errorText(e)));
          home();
        },
      });
      return;
    }
  }
  home();
  // Once the first screen has loaded, fetch the table's code while the player fills in the form.
  const prefetch = () => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 300));
    idle(() => void Promise.all([loadTable(), loadNet()]).catch(() => undefined));
  };
  if (document.readyState === "complete") prefetch();
  else window.addEventListener("load", prefetch, { once: true });
}

void boot();
