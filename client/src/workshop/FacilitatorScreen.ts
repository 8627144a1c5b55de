/**
 * The facilitator area: sign in, the list of own workshops and a form for a
 * new one. Opening a workshop goes to its console's address (main.ts shows
 * WorkshopConsole.ts there).
 */
// Loaded with this chunk, before the screen shows (the dynamic import waits for it); first, so the planner debrief's sheet follows it.
import "./workshop.css";
import { BOT_LEVELS } from "@iot/shared/quartet/bots/index";
import { t } from "../i18n/index.js";
import { ApiFailure, facilitatorApi, type WorkshopListItem } from "./workshopApi.js";
import { confirmDelete, workshopListView, type WorkshopListActions } from "./workshopList.js";
import { h, type ComponentChild } from "preact";
import { brandMarkView } from "../ui/brand.js";
import { mount } from "../ui/render.js";

/** Where the facilitator area leads. */
export interface FacilitatorRoutes {
  /** Opens workshop `id`'s console (its own address). */
  open(id: string): void;
  /**
   * Called once the facilitator is known to be signed in (at once, or after
   * the sign-in form): shows the screen the address asked for instead of the
   * list and returns true, or returns false for the list.
   */
  signedIn?(): boolean;
}

/** Shows the facilitator area; `back` returns to the home screen. Returns a function that stops it. */
export function showFacilitator(back: () => void, routes: FacilitatorRoutes): () => void {
  let stopped = false;
  /** The page shown now: its title and body. */
  let title = "";
  let body: ComponentChild[] = [];
  /** Draws the area again; null while another screen (the console) is shown. */
  let draw: (() => void) | null = null;

  /** Shows a page; focus goes to its title when the page is another one. */
  const page = (pageTitle: string, ...pageBody: ComponentChild[]) => {
    const moved = !draw || pageTitle !== title;
    title = pageTitle;
    body = pageBody;
    document.title = `${t("app.title")}: ${title}`;
    if (draw) draw();
    else
      draw = mount(() =>
        h(
          "main",
          { className: "home facilitator", id: "main" },
          h("header", { className: "home-header" }, brandMarkView("home-mark"), h("h1", { tabindex: -1 }, title)),
          body,
        ),
      );
    if (moved) document.querySelector<HTMLElement>("#main h1")?.focus();
  };
  const errorLine = (text: string) => (text ? h("p", { className: "error", role: "alert" }, text) : null);

  const login = (error = ""): void => {
    const submit = async (e: Event) => {
      e.preventDefault();
      const data = new FormData(e.target as HTMLFormElement);
      try {
        await facilitatorApi.login(String(data.get("email") ?? ""), String(data.get("password") ?? ""));
        await list();
      } catch (err) {
        login(err instanceof ApiFailure ? err.message : String(err));
      }
    };
    page(
      t("ws.signIn"),
      h(
        "form",
        { key: "login", className: "panel", onSubmit: submit, "aria-label": t("ws.signIn") },
        errorLine(error),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.email")),
          h("input", { name: "email", type: "email", autocomplete: "username", required: true }),
        ),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.password")),
          h("input", { name: "password", type: "password", autocomplete: "current-password", required: true }),
        ),
        h("button", { type: "submit", className: "primary" }, t("ws.login")),
        h("p", { className: "hint" }, t("ws.noAccount")),
      ),
      h("button", { type: "button", onClick: back }, t("home.back")),
    );
  };

  /** The list shows the archived workshops instead; the rename form of this workshop is open. */
  let archived = false;
  let editing: string | null = null;
  let note = "";
  /** Does one of the list's actions, then shows the list again (with the refusal, if any). */
  const listAction = async (act: () => Promise<unknown>) => {
    let error = "";
    note = "";
    try {
      await act();
    } catch (err) {
      error = err instanceof ApiFailure ? err.message : String(err);
    }
    await list(error);
  };
  const actions: WorkshopListActions = {
    open: (id) => open(id),
    editing: (id) => {
      editing = id;
      void list();
    },
    rename: (id, title) =>
      listAction(async () => {
        await facilitatorApi.rename(id, title);
        editing = null;
      }),
    duplicate: (id) => listAction(() => facilitatorApi.duplicate(id)),
    archive: (id, to) => listAction(() => facilitatorApi.archive(id, to)),
    remove: async (w) => {
      if (!(await confirmDelete(w))) return;
      await listAction(async () => {
        await facilitatorApi.remove(w.id);
        note = t("ws.manageDeleted", { title: w.title });
      });
    },
  };

  const list = async (error = ""): Promise<void> => {
    let me: { email: string | null };
    let workshops: WorkshopListItem[];
    try {
      me = await facilitatorApi.me();
      if (!me.email) return login(error);
      if (stopped) return;
      if (routes.signedIn?.()) return;
      workshops = await facilitatorApi.workshops(archived);
    } catch (err) {
      if (err instanceof ApiFailure && err.code === "UNAUTHORIZED") return login();
      return login(err instanceof ApiFailure ? err.message : String(err));
    }
    if (stopped) return;
    const create = async (e: Event) => {
      e.preventDefault();
      const data = new FormData(e.target as HTMLFormElement);
      try {
        const w = await facilitatorApi.create({
          title: String(data.get("title") ?? ""),
          lang: data.get("lang") === "en" ? "en" : "nl",
          game: data.get("game") === "planner" ? "planner" : "quartet",
          difficulty: Number(data.get("difficulty") || 2),
          roundMinutes: Number(data.get("roundMinutes") || 0),
          tableSize: Number(data.get("tableSize")),
          botLevel: String(data.get("botLevel")) as (typeof BOT_LEVELS)[number],
          turnSeconds: Number(data.get("turnSeconds") || 0),
          rules: { missPassesTo: data.has("missNext") ? "next" : "asked", allowBluff: data.has("bluff") },
        });
        open(w.id);
      } catch (err) {
        void list(err instanceof ApiFailure ? err.message : String(err));
      }
    };
    const select = (name: string, options: [string, string][], value: string) =>
      h(
        "select",
        { name },
        options.map(([v, label]) => h("option", { key: v, value: v, selected: v === value }, label)),
      );
    page(
      t("ws.workshops"),
      h(
        "section",
        { key: "workshops", className: "panel" },
        h("p", {}, t("ws.signedInAs", { email: me.email ?? "" })),
        errorLine(error),
        note ? h("p", { className: "hint", role: "status" }, note) : null,
        h(
          "label",
          { className: "choice" },
          h("input", {
            type: "checkbox",
            name: "archived",
            checked: archived,
            onChange: (e: Event) => {
              archived = (e.target as HTMLInputElement).checked;
              editing = null;
              void list();
            },
          }),
          h("span", {}, t("ws.manageShowArchived")),
        ),
        workshopListView(workshops, archived, editing, actions),
        h(
          "button",
          { type: "button", onClick: () => void facilitatorApi.logout().then(() => login()) },
          t("ws.logout"),
        ),
      ),
      h(
        "form",
        { key: "create", className: "panel", onSubmit: create, "aria-labelledby": "new-ws" },
        h("h2", { id: "new-ws" }, t("ws.newWorkshop")),
        errorLine(error),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.title")),
          h("input", { name: "title", required: true, maxLength: 120 }),
        ),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.language")),
          select(
            "lang",
            [
              ["nl", "Nederlands"],
              ["en", "English"],
            ],
            "nl",
          ),
        ),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.tableSize")),
          select(
            "tableSize",
            ["1", "2", "3", "4", "5", "6", "7", "8"].map((n) => [n, n]),
            "4",
          ),
        ),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.game")),
          select(
            "game",
            [
              ["quartet", t("ws.gameQuartet")],
              ["planner", t("ws.gamePlanner")],
            ],
            "quartet",
          ),
        ),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.difficulty")),
          select(
            "difficulty",
            ["1", "2", "3", "4"].map((d) => [d, String(Number(d) * 15)]),
            "2",
          ),
        ),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.roundMinutes")),
          select(
            "roundMinutes",
            ["0", "5", "10", "15", "20", "30"].map((m) => [m, m === "0" ? t("ws.roundByHand") : String(m)]),
            "0",
          ),
        ),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.botLevel")),
          select(
            "botLevel",
            BOT_LEVELS.map((l) => [l, t(`levels.${l}`)]),
            "medium",
          ),
        ),
        h(
          "label",
          { className: "field" },
          h("span", {}, t("ws.turnSeconds")),
          h("input", { name: "turnSeconds", type: "number", min: 0, max: 600, defaultValue: "0" }),
        ),
        h(
          "label",
          { className: "choice" },
          h("input", { type: "checkbox", name: "missNext" }),
          h("span", {}, t("ws.missNext")),
        ),
        h(
          "label",
          { className: "choice" },
          h("input", { type: "checkbox", name: "bluff" }),
          h("span", {}, t("ws.bluff")),
        ),
        h("button", { type: "submit", className: "primary" }, t("ws.create")),
      ),
      h("button", { type: "button", onClick: back }, t("home.back")),
    );
  };

  const open = (id: string): void => routes.open(id);

  void list();
  return () => {
    stopped = true;
  };
}
