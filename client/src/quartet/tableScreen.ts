/**
 * The DOM half of the table screen: the status bar (whose turn, connection,
 * timer, menu), the stage that holds the Phaser canvas with real buttons laid
 * over the cards and seats it draws, the ask panel and the log.
 */
import type { CardId } from "@iot/shared/quartet/cardIds";
import { t } from "../i18n/index.js";
import type { ConnectionStatus } from "./net/types.js";
import type { TableLayout } from "./table/layout.js";
import type { SeatModel } from "./table/model.js";
import { appRoot, h, replaceChildren } from "../ui/dom.js";
import { toolIcon } from "./toolIcons.js";

export interface TableScreenActions {
  showCard(card: CardId): void;
  choosePlayer(id: string): void;
  toggleMotion(): void;
  leave(): void;
}

/** The table screen's elements and their updates. */
export class TableScreen {
  readonly root: HTMLElement;
  readonly stage: HTMLElement;
  readonly canvasHost: HTMLElement;
  readonly askPanel: HTMLElement;
  private readonly turn: HTMLElement;
  private readonly conn: HTMLElement;
  private readonly timer: HTMLElement;
  private readonly motionBtn: HTMLButtonElement;
  private readonly logBtn: HTMLButtonElement;
  private readonly logList: HTMLOListElement;
  private readonly logPanel: HTMLElement;
  private readonly seatLayer: HTMLElement;
  private readonly handLayer: HTMLElement;

  constructor(private readonly actions: TableScreenActions) {
    this.turn = h("p", { className: "turn", id: "turn-status" });
    this.conn = h("p", { className: "conn", role: "status" });
    this.timer = h("p", { className: "timer", "aria-hidden": "true" });
    this.motionBtn = h("button", { type: "button", className: "tool", onclick: () => actions.toggleMotion() });
    this.logBtn = h(
      "button",
      { type: "button", className: "tool log-toggle", "aria-expanded": "false", onclick: () => this.toggleLog() },
      toolIcon("log"),
      h("span", { className: "tool-label" }, t("table.log")),
    );
    this.logList = h("ol", { className: "log-list" });
    this.logPanel = h(
      "section",
      { className: "log-panel", "aria-labelledby": "log-title", id: "log-panel", tabindex: -1 },
      h(
        "div",
        { className: "log-head" },
        h("h2", { id: "log-title" }, t("table.log")),
        h(
          "button",
          { type: "button", className: "tool log-close", onclick: () => this.toggleLog(false) },
          t("card.close"),
        ),
      ),
      this.logList,
    );
    this.logBtn.setAttribute("aria-controls", "log-panel");
    this.seatLayer = h("ul", { className: "seat-layer", "aria-label": t("table.players") });
    this.handLayer = h("ul", { className: "hand-layer", "aria-label": t("table.hand") });
    this.canvasHost = h("div", { className: "canvas-host", "aria-hidden": "true" });
    this.stage = h(
      "section",
      { className: "stage", "aria-label": t("table.region") },
      this.canvasHost,
      h("h2", { className: "sr-only" }, t("table.players")),
      this.seatLayer,
      h("h2", { className: "sr-only" }, t("table.hand")),
      this.handLayer,
    );
    this.askPanel = h("section", { className: "ask-panel", "aria-labelledby": "ask-title" });
    this.root = h(
      "main",
      { className: "table-screen", id: "main" },
      h("h1", { className: "sr-only" }, `${t("app.title")}: ${t("table.region")}`),
      h(
        "header",
        { className: "table-bar" },
        this.turn,
        this.timer,
        this.conn,
        h(
          "nav",
          { className: "tools", "aria-label": t("table.region") },
          this.logBtn,
          this.motionBtn,
          h(
            "button",
            { type: "button", className: "tool", onclick: () => actions.leave() },
            toolIcon("leave"),
            h("span", { className: "tool-label" }, t("table.leave")),
          ),
        ),
      ),
      this.stage,
      this.askPanel,
      this.logPanel,
    );
    this.logPanel.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.toggleLog(false);
    });
    replaceChildren(appRoot(), this.root);
  }

  /** Whose turn it is, in large type. */
  setTurn(text: string, mine: boolean): void {
    this.turn.textContent = text;
    this.root.classList.toggle("my-turn", mine);
  }

  /** The connection state ("reconnecting…" while the SDK retries). */
  setConnection(status: ConnectionStatus): void {
    this.root.dataset.connection = status;
    this.conn.textContent =
      status === "connected"
        ? ""
        : status === "reconnecting"
          ? t("connection.reconnecting")
          : status === "lost"
            ? t("connection.lost")
            : "";
  }

  /** The turn timer's seconds left, or null without a timer. */
  setTimer(seconds: number | null): void {
    this.timer.textContent = seconds === null ? "" : t("table.timer", { seconds });
  }

  /** Shows the animation switch's state (its name says what pressing it does). */
  setMotion(on: boolean): void {
    replaceChildren(
      this.motionBtn,
      toolIcon(on ? "motionOff" : "motionOn"),
      h("span", { className: "tool-label" }, on ? t("table.motionOff") : t("table.motionOn")),
    );
  }

  /** Adds lines to the log (newest last). */
  log(lines: string[]): void {
    for (const line of lines) this.logList.append(h("li", {}, line));
    this.logList.lastElementChild?.scrollIntoView?.({ block: "nearest" });
  }

  /** Opens or closes the log (a side panel on wide screens, a sheet on phones). */
  toggleLog(open = this.root.dataset.log !== "open"): void {
    this.root.dataset.log = open ? "open" : "closed";
    this.logBtn.setAttribute("aria-expanded", String(open));
    if (open) this.logPanel.focus({ preventScroll: true });
    else if (this.logPanel.contains(document.activeElement)) this.logBtn.focus();
  }

  /** Lays buttons over the hand's cards, in the same rects the scene drew them. */
  placeHand(layout: TableLayout, cards: CardId[], label: (card: CardId) => string): void {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.card;
    const items = cards.map((card, i) => {
      const r = layout.hand[i];
      const button = h("button", {
        type: "button",
        className: "card-hit",
        "data-card": card,
        "aria-label": label(card),
        onclick: () => this.actions.showCard(card),
      });
      if (r) button.setAttribute("style", rectStyle(r));
      return h("li", {}, button);
    });
    replaceChildren(
      this.handLayer,
      cards.length === 0 ? h("li", { className: "sr-only" }, t("table.handEmpty")) : items,
    );
    if (focused) this.handLayer.querySelector<HTMLElement>(`[data-card="${focused}"]`)?.focus({ preventScroll: true });
  }

  /** Lays the opponents' descriptions over their seats; seats that can be chosen get a pointer target. */
  placeSeats(
    layout: TableLayout,
    seats: SeatModel[],
    describe: (seat: SeatModel) => string,
    selectable: ReadonlySet<string>,
  ): void {
    const items = seats.map((seat, i) => {
      const r = layout.seats[i];
      const li = h(
        "li",
        { className: "seat-hit", style: r ? rectStyle(r) : undefined, "data-seat": seat.id },
        h("span", { className: "sr-only" }, describe(seat)),
      );
      if (selectable.has(seat.id)) {
        // The ask panel is the keyboard and screen-reader path; this is the same choice for pointers.
        li.append(
          h("div", {
            className: "seat-pick",
            "aria-hidden": "true",
            onclick: () => this.actions.choosePlayer(seat.id),
          }),
        );
      }
      return li;
    });
    replaceChildren(this.seatLayer, items);
  }

  /** Marks the stage while a moment (a card travelling, a quartet) plays; input is never blocked. */
  setBusy(active: boolean): void {
    this.root.dataset.moment = active ? "on" : "off";
  }

  /** Marks the table interactive (the first hand is drawn and input is accepted). */
  setReady(): void {
    performance.mark("iot:table-ready");
    this.root.dataset.tableReady = "true";
  }
}

function rectStyle(r: { x: number; y: number; w: number; h: number }): string {
  return `left:${Math.round(r.x)}px;top:${Math.round(r.y)}px;width:${Math.round(r.w)}px;height:${Math.round(r.h)}px`;
}
