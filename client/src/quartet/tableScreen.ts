/**
 * The DOM half of the table screen: the status bar (whose turn, connection,
 * timer, menu), the stage that holds the Phaser canvas with real buttons laid
 * over the cards and seats it draws, the ask panel and the log. Drawn by
 * Preact from what the setters were last told; the canvas host and the ask
 * panel are containers it leaves alone (Phaser and the AskPanel draw there).
 */
import { createRef, h, type JSX } from "preact";
import type { CardId } from "@iot/shared/quartet/cardIds";
import { t } from "../i18n/index.js";
import type { ConnectionStatus } from "./net/types.js";
import { raisedRect, type TableLayout } from "./table/layout.js";
import type { FaceMetrics } from "./table/cardArt.js";
import type { SeatModel } from "./table/model.js";
import { mount } from "../ui/render.js";
import { toolIcon } from "./toolIcons.js";
import { withNames } from "../ui/names.js";
import { RovingGroup } from "../ui/roving.js";

export interface TableScreenActions {
  showCard(card: CardId): void;
  /** The hand's card with focus or under the pointer (null: none), to be drawn whole on top. */
  raiseCard(card: CardId | null): void;
  choosePlayer(id: string): void;
  toggleMotion(): void;
  leave(): void;
  /** More time on the own turn timer. */
  moreTime(): void;
}

type Rect = { x: number; y: number; w: number; h: number };

/** What the screen shows. */
interface TableScreenView {
  turn: string;
  mine: boolean;
  connection: ConnectionStatus;
  timer: number | null;
  /** The own turn timer runs and may be extended. */
  moreTime: boolean;
  motion: boolean;
  log: string[];
  logOpen: boolean;
  hand: { card: CardId; rect: Rect | undefined; label: string; drawn: FaceMetrics | undefined; raised: boolean }[];
  seats: { id: string; rect: Rect | undefined; text: string; selectable: boolean }[];
  busy: boolean;
  ready: boolean;
  /** What the hand says when it holds no card (not dealt yet, or out). */
  handEmpty: string;
}

/** The table screen's elements and their updates. */
export class TableScreen {
  /** Where Phaser puts its canvas. */
  readonly canvasHost: HTMLElement;
  /** Where the AskPanel draws. */
  readonly askPanel: HTMLElement;
  private readonly v: TableScreenView = {
    turn: "",
    mine: false,
    connection: "connected",
    timer: null,
    moreTime: false,
    motion: true,
    log: [],
    logOpen: false,
    hand: [],
    seats: [],
    busy: false,
    ready: false,
    handEmpty: "",
  };
  private readonly canvasRef = createRef<HTMLDivElement>();
  private readonly askRef = createRef<HTMLElement>();
  private readonly logBtn = createRef<HTMLButtonElement>();
  private readonly logPanel = createRef<HTMLElement>();
  private readonly logList = createRef<HTMLOListElement>();
  private readonly draw: () => void;

  constructor(private readonly actions: TableScreenActions) {
    const draw = mount(() => this.view());
    if (!this.canvasRef.current || !this.askRef.current) throw new Error("the table screen was not drawn");
    this.canvasHost = this.canvasRef.current;
    this.askPanel = this.askRef.current;
    // The hand is one Tab stop; the arrow keys go from card to card.
    const stage = this.canvasHost.parentElement as HTMLElement;
    const handKeys = new RovingGroup(stage, ".hand-layer button.card-hit", (b) => b.dataset.card ?? "");
    this.draw = () => {
      draw();
      handKeys.refresh();
    };
    handKeys.refresh();
  }

  private view(): JSX.Element {
    const v = this.v;
    const a = this.actions;
    const conn =
      v.connection === "reconnecting"
        ? t("connection.reconnecting")
        : v.connection === "lost"
          ? t("connection.lost")
          : "";
    return h(
      "main",
      {
        className: v.mine ? "table-screen my-turn" : "table-screen",
        id: "main",
        "data-connection": v.connection,
        "data-log": v.logOpen ? "open" : "closed",
        "data-moment": v.busy ? "on" : "off",
        "data-table-ready": v.ready ? "true" : undefined,
      },
      h("h1", { className: "sr-only" }, `${t("app.title")}: ${t("table.region")}`),
      h(
        "header",
        { className: "table-bar" },
        h("p", { className: "turn", id: "turn-status" }, withNames(v.turn)),
        h(
          "p",
          { className: "timer", "aria-hidden": "true" },
          v.timer === null ? "" : t("table.timer", { seconds: v.timer }),
        ),
        v.moreTime
          ? h(
              "button",
              { type: "button", className: "tool more-time", onClick: () => a.moreTime() },
              t("table.moreTime"),
            )
          : null,
        h("p", { className: "conn", role: "status" }, conn),
        h(
          "nav",
          { className: "tools", "aria-label": t("table.region") },
          h(
            "button",
            {
              ref: this.logBtn,
              type: "button",
              className: "tool log-toggle",
              "aria-expanded": String(v.logOpen),
              "aria-controls": "log-panel",
              onClick: () => this.toggleLog(),
            },
            toolIcon("log"),
            h("span", { className: "tool-label" }, t("table.log")),
          ),
          h(
            "button",
            { type: "button", className: "tool", onClick: () => a.toggleMotion() },
            toolIcon(v.motion ? "motionOff" : "motionOn"),
            h("span", { className: "tool-label" }, v.motion ? t("table.motionOff") : t("table.motionOn")),
          ),
          h(
            "button",
            { type: "button", className: "tool", onClick: () => a.leave() },
            toolIcon("leave"),
            h("span", { className: "tool-label" }, t("table.leave")),
          ),
        ),
      ),
      h(
        "section",
        { className: "stage", "aria-label": t("table.region") },
        h("div", { ref: this.canvasRef, className: "canvas-host", "aria-hidden": "true" }),
        h("h2", { className: "sr-only" }, t("table.players")),
        h(
          "ul",
          { className: "seat-layer", "aria-label": t("table.players") },
          v.seats.map((seat) =>
            h(
              "li",
              {
                key: seat.id,
                className: "seat-hit",
                style: seat.rect ? rectStyle(seat.rect) : undefined,
                "data-seat": seat.id,
              },
              h("span", { className: "sr-only" }, seat.text),
              // The ask panel is the keyboard and screen-reader path; this is the same choice for pointers.
              seat.selectable
                ? h("div", { className: "seat-pick", "aria-hidden": "true", onClick: () => a.choosePlayer(seat.id) })
                : null,
            ),
          ),
        ),
        h("h2", { className: "sr-only" }, t("table.hand")),
        h(
          "ul",
          { className: "hand-layer", "aria-label": t("table.hand") },
          v.hand.length === 0
            ? h("li", { key: "", className: "sr-only" }, v.handEmpty)
            : v.hand.map(({ card, rect, label, drawn, raised }) =>
                h(
                  "li",
                  { key: card },
                  h("button", {
                    type: "button",
                    className: raised ? "card-hit raised" : "card-hit",
                    "data-card": card,
                    "aria-label": label,
                    // What the scene drew on this card (CSS px), for the layout's checks.
                    "data-title-px": drawn ? drawn.titlePx.toFixed(1) : undefined,
                    "data-set-px": drawn ? drawn.setPx.toFixed(1) : undefined,
                    "data-title-lines": drawn ? drawn.titleLines.join("\n") : undefined,
                    style: rect ? rectStyle(rect) : undefined,
                    onClick: () => a.showCard(card),
                    onFocus: () => a.raiseCard(card),
                    onBlur: () => a.raiseCard(null),
                    onPointerEnter: () => a.raiseCard(card),
                    onPointerLeave: () => {
                      if (document.activeElement !== document.querySelector(`[data-card="${card}"]`)) a.raiseCard(null);
                    },
                  }),
                ),
              ),
        ),
      ),
      h("section", { ref: this.askRef, className: "ask-panel", "aria-labelledby": "ask-title" }),
      h(
        "section",
        {
          ref: this.logPanel,
          className: "log-panel",
          "aria-labelledby": "log-title",
          id: "log-panel",
          // A Tab stop: beside the table the log scrolls and has no other control to reach it by keyboard (WCAG 2.1.1).
          tabindex: 0,
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === "Escape") this.toggleLog(false);
          },
        },
        h(
          "div",
          { className: "log-head" },
          h("h2", { id: "log-title" }, t("table.log")),
          h(
            "button",
            { type: "button", className: "tool log-close", onClick: () => this.toggleLog(false) },
            t("card.close"),
          ),
        ),
        h(
          "ol",
          { ref: this.logList, className: "log-list" },
          v.log.map((line, i) => h("li", { key: i }, withNames(line, true))),
        ),
      ),
    );
  }

  /** What the empty hand says to a screen reader (before the deal: that the cards are not dealt yet). */
  setHandEmpty(text: string): void {
    this.v.handEmpty = text;
    this.draw();
  }

  /** Whose turn it is, in large type. */
  setTurn(text: string, mine: boolean): void {
    this.v.turn = text;
    this.v.mine = mine;
    this.draw();
  }

  /** The connection state ("reconnecting…" while the SDK retries). */
  setConnection(status: ConnectionStatus): void {
    this.v.connection = status;
    this.draw();
  }

  /** The turn timer's seconds left, or null without a timer. */
  setTimer(seconds: number | null): void {
    this.v.timer = seconds;
    this.draw();
  }

  /** Offers "More time" while the own turn timer runs and was not extended this move. */
  setMoreTime(on: boolean): void {
    if (this.v.moreTime === on) return;
    this.v.moreTime = on;
    this.draw();
  }

  /** Shows the animation switch's state (its name says what pressing it does). */
  setMotion(on: boolean): void {
    this.v.motion = on;
    this.draw();
  }

  /** Adds lines to the log (newest last). */
  log(lines: string[]): void {
    if (lines.length === 0) return;
    this.v.log.push(...lines);
    this.draw();
    this.logList.current?.lastElementChild?.scrollIntoView?.({ block: "nearest" });
  }

  /** Opens or closes the log (a side panel on wide screens, a sheet on phones). */
  toggleLog(open = !this.v.logOpen): void {
    this.v.logOpen = open;
    this.draw();
    const panel = this.logPanel.current;
    if (open) panel?.focus({ preventScroll: true });
    else if (panel?.contains(document.activeElement)) this.logBtn.current?.focus();
  }

  /**
   * Lays buttons over the hand's cards, in the same rects the scene drew them
   * (the `raised` card's grown by `raisedRect`), each with what `drawn` says
   * its face was drawn with.
   */
  placeHand(
    layout: TableLayout,
    cards: CardId[],
    label: (card: CardId) => string,
    drawn: (card: CardId, rect: Rect) => FaceMetrics | undefined,
    raised: CardId | null,
  ): void {
    this.v.hand = cards.map((card, i) => {
      const cell = layout.hand[i];
      const rect = cell && card === raised ? raisedRect(cell, layout.handArea, layout.handTiles) : cell;
      return { card, rect, label: label(card), drawn: rect ? drawn(card, rect) : undefined, raised: card === raised };
    });
    this.draw();
  }

  /** Lays the opponents' descriptions over their seats; seats that can be chosen get a pointer target. */
  placeSeats(
    layout: TableLayout,
    seats: SeatModel[],
    describe: (seat: SeatModel) => string,
    selectable: ReadonlySet<string>,
  ): void {
    this.v.seats = seats.map((seat, i) => ({
      id: seat.id,
      rect: layout.seats[i],
      text: describe(seat),
      selectable: selectable.has(seat.id),
    }));
    this.draw();
  }

  /** Marks the stage while a moment (a card travelling, a quartet) plays; input is never blocked. */
  setBusy(active: boolean): void {
    this.v.busy = active;
    this.draw();
  }

  /** Marks the table interactive (the first hand is drawn and input is accepted). */
  setReady(): void {
    performance.mark("iot:table-ready");
    this.v.ready = true;
    this.draw();
  }
}

function rectStyle(r: Rect): string {
  return `left:${Math.round(r.x)}px;top:${Math.round(r.y)}px;width:${Math.round(r.w)}px;height:${Math.round(r.h)}px`;
}
