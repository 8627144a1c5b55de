/**
 * The ask panel: real buttons for each step of an ask (player, theme, card),
 * only legal choices, usable by keyboard, touch and mouse. Also shows the
 * host's start button while the table waits, open action picks, the last
 * rejection and, when the table is lost, the way home.
 */
import { h, render, type ComponentChildren, type JSX } from "preact";
import { numberOf, type CardId, type ThemeId } from "@iot/shared/quartet/cardIds";
import { t } from "../i18n/index.js";
import type { AskStep } from "./table/askFlow.js";
import { themeBadge } from "./cardView.js";
import { withNames } from "../ui/names.js";
import { openPickLabel, type OpenPick } from "./dialogs.js";
import { RovingGroup } from "../ui/roving.js";

export interface AskPanelView {
  step: AskStep;
  /** Waiting for the server's answer to the own ask. */
  sending: boolean;
  /** Whose turn it is (a name), when it is not the own turn. */
  waitingFor: string;
  /** Phase "waiting": the host may start. */
  canStart: boolean;
  /** What the table waits for (phase "waiting"), or why it cannot go on. */
  waitingText: string[];
  /** Quartets laid by this player without a pick yet. */
  openPicks: OpenPick[];
  /** The last rejection, in the chosen language. */
  notice: string;
  /** The table can no longer be reached. */
  lost: boolean;
  /** The players' names (a change re-renders the panel). */
  names: string;
  /** The own hand is empty: the player is out. */
  out: boolean;
}

export interface AskPanelText {
  name(id: string): string;
  themeName(theme: ThemeId): string;
  cardTitle(card: CardId): string;
  /** The ask as a question, for the card buttons' names. */
  question(to: string, card: CardId): string;
}

export interface AskPanelActions {
  choosePlayer(id: string): void;
  chooseTheme(theme: ThemeId): void;
  chooseCard(card: CardId): void;
  back(): void;
  start(): void;
  openPick(theme: ThemeId): void;
  home(): void;
}

/** The panel in `el`; re-renders only when what it shows changes. */
export class AskPanel {
  private last = "";
  /** The choices of a step are one Tab stop; the arrow keys move between them. */
  private readonly roving: RovingGroup;

  constructor(
    private readonly el: HTMLElement,
    private readonly text: AskPanelText,
    private readonly actions: AskPanelActions,
  ) {
    this.roving = new RovingGroup(el, ".ask-options button", (b) => b.dataset.key ?? b.textContent ?? "");
    // The heading holds focus only while there is no choice: focus given back to it when there is one (a pick
    // dialog that opened over the heading closes after the turn came back) goes on to the step's choice.
    el.addEventListener("focusin", (e) => {
      if ((e.target as HTMLElement).id !== "ask-title") return;
      el.querySelector<HTMLElement>('.ask-options button[tabindex="0"]')?.focus({ preventScroll: true });
    });
  }

  /**
   * Shows `v`. Focus stays on the same choice when it still exists (Preact
   * keeps its button); when it was in the panel (or nowhere) and its choice
   * is gone, it moves to the new step's first choice, or to the panel's
   * heading while there is none (the ask is on its way, another player's
   * turn), never to the page. The choices are one Tab stop (arrow keys,
   * Home and End move inside them).
   */
  render(v: AskPanelView): void {
    const key = JSON.stringify(v);
    if (key === this.last) return;
    this.last = key;
    const el = this.el;
    const active = document.activeElement;
    const hadFocus = !active || active === document.body || el.contains(active);
    render(this.view(v), el);
    el.dataset.step = v.canStart ? "start" : v.sending ? "sending" : v.step.kind;
    this.roving.refresh();
    const now = document.activeElement;
    if (!hadFocus || (el.contains(now) && now?.id !== "ask-title")) return;
    // No choice to land on (the ask is on its way, or the turn passed): the heading says what happens now.
    const target =
      el.querySelector<HTMLElement>('.ask-options button[tabindex="0"]') ?? el.querySelector<HTMLElement>("#ask-title");
    target?.focus({ preventScroll: true });
  }

  /** The panel's parts; lists are nested arrays so each part keeps its place. */
  private view(v: AskPanelView): ComponentChildren {
    const step = v.step;
    const choosing = !v.sending && (step.kind === "theme" || step.kind === "card");
    return [
      h("h2", { id: "ask-title", className: "ask-title", tabindex: -1 }, withNames(this.prompt(v))),
      v.waitingText.slice(1).map((line, i) => h("p", { key: i, className: "ask-chosen" }, withNames(line))),
      choosing
        ? h(
            "p",
            { className: "ask-chosen" },
            step.kind === "card"
              ? withNames(`${this.text.name(step.target)} · ${this.text.themeName(step.theme)}`)
              : withNames(this.text.name(step.target)),
          )
        : null,
      h("div", { className: "ask-options", role: "group", "aria-labelledby": "ask-title" }, this.options(v)),
      choosing
        ? h(
            "button",
            { type: "button", className: "back-btn", onClick: () => this.actions.back() },
            `← ${t("ask.back")}`,
          )
        : null,
      v.openPicks.map((open) =>
        h(
          "button",
          { key: open.theme, type: "button", className: "pick-open", onClick: () => this.actions.openPick(open.theme) },
          withNames(openPickLabel(open)),
        ),
      ),
      v.notice ? h("p", { className: "notice", role: "alert" }, withNames(v.notice)) : null,
      v.lost
        ? h(
            "button",
            { type: "button", className: "primary", onClick: () => this.actions.home() },
            t("connection.home"),
          )
        : null,
    ];
  }

  private options(v: AskPanelView): JSX.Element[] {
    const { step } = v;
    const a = this.actions;
    if (v.canStart) {
      return [
        h("button", { key: "start", type: "button", className: "primary", onClick: () => a.start() }, t("table.start")),
      ];
    }
    if (v.sending) return [];
    switch (step.kind) {
      case "player":
        return step.options.map((id) =>
          h(
            "button",
            {
              key: `p:${id}`,
              type: "button",
              className: "choice-btn",
              "data-key": `p:${id}`,
              onClick: () => a.choosePlayer(id),
            },
            withNames(this.text.name(id)),
          ),
        );
      case "theme":
        return step.options.map((theme) =>
          h(
            "button",
            {
              key: `t:${theme}`,
              type: "button",
              className: "choice-btn theme-btn",
              "data-key": `t:${theme}`,
              onClick: () => a.chooseTheme(theme),
            },
            themeBadge(theme),
            h("span", {}, this.text.themeName(theme)),
          ),
        );
      case "card":
        return step.options.map((card) =>
          h(
            "button",
            {
              key: `c:${card}`,
              type: "button",
              className: "choice-btn card-btn",
              "data-key": `c:${card}`,
              "aria-label": this.text.question(step.target, card),
              onClick: () => a.chooseCard(card),
            },
            h("span", { className: "num", "aria-hidden": "true" }, String(numberOf(card))),
            " ",
            h("span", {}, this.text.cardTitle(card)),
          ),
        );
      case "idle":
        return [];
    }
  }

  private prompt(v: AskPanelView): string {
    if (v.canStart || v.waitingText.length > 0) return v.waitingText[0] ?? t("table.waiting");
    if (v.sending) return t("ask.sending");
    switch (v.step.kind) {
      case "player":
        return t("ask.choosePlayer");
      case "theme":
        return t("ask.chooseTheme");
      case "card":
        return t("ask.chooseCard");
      case "idle":
        if (v.out) return t("ask.out");
        return v.waitingFor ? t("ask.notYourTurn", { name: v.waitingFor }) : t("ask.noAsk");
    }
  }
}
