/**
 * The table screen's controller (loaded on demand, with Phaser): it listens
 * to the net layer, builds what the scene draws and what the DOM layer
 * offers, and forwards the player's choices. No game rules here: legal
 * choices come from the shared rules over the own seat view.
 */
// The quartet's stylesheet; the home screen imports it too, so it comes with the first screen's CSS.
import "../quartet.css";
import type { CardId, ThemeId } from "@iot/shared/quartet/cardIds";
import { bandName, cardTitle, themeColour, themeIconNames } from "../deck/index.js";
import { loadThemeIcons } from "../deck/icons.js";
import { lang, t } from "../../i18n/index.js";
import type { TableConnection } from "../net/connection.js";
import type { TableEvent } from "../net/types.js";
import { showEnd } from "../EndScreen.js";
import { announce } from "../../ui/announcer.js";
import { AskPanel } from "../askPanel.js";
import { showCardDetail } from "../dialogs.js";
import { TableScreen } from "../tableScreen.js";
import { askStep, stepBack, type AskSelection } from "./askFlow.js";
import { createTableGame, type TableGame } from "./game.js";
import { lastAsk } from "./lastAsk.js";
import type { Rect } from "./layout.js";
import type { Painted } from "./tableParts.js";
import { PickOffers } from "./picks.js";
import { askQuestion, cardParts, eventLines, Names, themeLabel } from "./texts.js";
import { describeSeat, tableModel } from "./viewModel.js";
import type { TableModel } from "./model.js";
import { isolate } from "../../ui/names.js";
import { FriendsAtTable } from "../friends/atTable.js";

export interface TableAppOptions {
  /** Back to the home screen (with a message, if any). */
  home(message?: string): void;
  /** "Play again": a new quick-play table with the same choices, the friends' new table `code`, or home for joined tables. */
  again(code?: string): void;
}

const MOTION_KEY = "iot.motion";

/** Seconds left on the own turn timer at which a screen reader is told (s). */
const TIME_LOW_S = 10;

/** The remembered animation choice ("on", "off" or null). */
function readMotion(): string | null {
  try {
    return localStorage.getItem(MOTION_KEY);
  } catch {
    return null;
  }
}

/** Opens the table screen for a connected seat. */
export async function openTable(conn: TableConnection, options: TableAppOptions): Promise<TableApp> {
  const icons = await loadThemeIcons(themeIconNames());
  return new TableApp(conn, options, icons);
}

export class TableApp {
  private readonly screen: TableScreen;
  private game: TableGame | null;
  private readonly names: Names;
  private selection: AskSelection = { target: null, theme: null };
  private sending = false;
  private notice = "";
  private motion: boolean;
  private ended = false;
  private readonly picks: PickOffers;
  private readonly panel: AskPanel;
  private readonly stops: (() => void)[] = [];
  private timer = 0;
  private ready = false;
  private lastTurn = "";
  /** The move (turn and log length) whose timer this player extended, and the move last warned of low time. */
  private extended = "";
  private warned = "";
  private friends: FriendsAtTable | null = null;
  private raised: CardId | null = null;

  constructor(
    private readonly conn: TableConnection,
    private readonly options: TableAppOptions,
    icons: Record<ThemeId, HTMLImageElement | null>,
  ) {
    this.picks = new PickOffers(conn);
    this.names = new Names(
      () => conn.state,
      () => conn.me,
    );
    this.motion = !matchMedia("(prefers-reduced-motion: reduce)").matches && readMotion() !== "off";
    this.screen = new TableScreen({
      showCard: (card) => showCardDetail(card, new Set(this.myHand())),
      raiseCard: (card) => this.raise(card),
      choosePlayer: (id) => this.choose({ target: id, theme: null }),
      toggleMotion: () => this.toggleMotion(),
      leave: () => void this.leave(),
      moreTime: () => this.moreTime(),
    });
    this.screen.setMotion(this.motion);
    this.screen.setConnection(conn.status);
    document.title = `${t("app.title")}: ${t("table.region")}`;
    this.game = createTableGame(this.screen.canvasHost, {
      look: {
        key: () => lang(),
        colour: themeColour,
        themeName: (theme) => bandName(theme, lang()),
        title: (card) => cardTitle(card, lang()),
        icon: (theme) => icons[theme],
      },
      onLayout: (layout, painted) => {
        this.report(painted);
        const model = this.model();
        const step = askStep(conn.seatView(), this.selection);
        const selectable = new Set(step.kind === "player" && !this.sending ? step.options : []);
        this.screen.placeSeats(layout, model.seats, describeSeat, selectable);
        this.screen.placeHand(
          layout,
          model.hand,
          (card) => this.cardLabel(card),
          (card, r) => this.game?.scene.faceMetrics(card, r.w, r.h),
          this.raised,
        );
      },
      onMoment: (active) => this.screen.setBusy(active),
      // The playing quartet moment's area, in stage pixels as the hand's buttons ("x y w h"); empty when none plays.
      onQuartetArea: (r) => {
        this.screen.canvasHost.dataset.quartetArea = r ? [r.x, r.y, r.w, r.h].map(Math.round).join(" ") : "";
      },
    });
    this.game.scene.setMotion(this.motion);
    this.panel = new AskPanel(
      this.screen.askPanel,
      {
        name: (id) => this.names.plain(id),
        themeName: themeLabel,
        cardTitle: (card) => cardTitle(card, lang()),
        question: (to, card) => askQuestion(this.names, to, card),
      },
      {
        choosePlayer: (id) => this.choose({ target: id, theme: null }),
        chooseTheme: (theme) => this.choose({ ...this.selection, theme }),
        chooseCard: (card) => this.ask(card),
        back: () => this.choose(stepBack(this.selection)),
        start: () => this.conn.start(),
        openPick: (theme) => this.picks.show(theme),
        home: () => void this.leave(),
      },
    );
    this.stops.push(
      conn.on("state", () => this.update()),
      conn.on("event", (e) => this.onEvent(e)),
      conn.on("history", (log) => this.showHistory(log)),
      conn.on("rejected", (r) => {
        this.sending = false;
        this.notice = r.text;
        announce(r.text);
        this.update();
      }),
      conn.on("connection", (status) => {
        this.screen.setConnection(status);
        // A workshop table that is gone (e.g. the server restarted) is found again from the lobby.
        if (status === "lost" && conn.workshop && conn.state.phase !== "finished") {
          window.setTimeout(() => void this.leave(), 3_000);
        }
        announce(
          status === "reconnecting"
            ? t("connection.reconnecting")
            : status === "lost"
              ? t("connection.lost")
              : t("connection.connected"),
        );
        this.update();
      }),
    );
    if (conn.friends) {
      const friends = new FriendsAtTable(
        conn,
        this.screen.askPanel.parentElement ?? document.body,
        this.screen.askPanel,
      );
      this.friends = friends;
      this.stops.push(() => friends.stop());
    }
    this.timer = window.setInterval(() => this.tick(), 1000);
    this.showHistory(conn.log);
    this.lastTurn = conn.state.turn;
    this.update();
  }

  /** The game so far, as the first view brings it (after a reload or a rejoin too): the log shows it whole. */
  private showHistory(log: readonly TableEvent[]): void {
    this.screen.log(log.flatMap((e) => eventLines(this.names, this.conn.me, e)));
  }

  /**
   * Says on the canvas's host what the scene drew where, in stage pixels as
   * the seat and hand buttons: the last ask's box (with who asked whom for
   * which card) and each laid quartet's stack by its owner.
   */
  private report(painted: Painted): void {
    const host = this.screen.canvasHost;
    const round = (r: Rect) => [r.x, r.y, r.w, r.h].map(Math.round).join(" ");
    const ask = painted.lastAsk;
    host.dataset.lastAsk = ask ? `${ask.from} ${ask.to} ${ask.card} ${round(ask)}` : "";
    host.dataset.stacks = painted.stacks.map((s) => `${s.owner} ${s.theme} ${round(s.rect)}`).join(";");
  }

  /** What the scene draws: the table model with the raised card. */
  private model(): TableModel {
    const model = tableModel(
      this.conn.state,
      this.conn.me,
      this.selection,
      lastAsk(this.conn.log, this.names, this.conn.me),
    );
    return { ...model, raised: this.raised && model.hand.includes(this.raised) ? this.raised : null };
  }

  /** Draws `card` whole on top of the hand (focus or pointer), or none. */
  private raise(card: CardId | null): void {
    if (card === this.raised) return;
    this.raised = card;
    this.game?.scene.show(this.model());
  }

  private myHand(): CardId[] {
    return this.conn.state.players.find((p) => p.id === this.conn.me)?.hand ?? [];
  }

  private cardLabel(card: CardId): string {
    const { theme } = cardParts(card);
    return t("table.cardButton", {
      theme,
      number: card.slice(card.lastIndexOf("-") + 1),
      title: cardTitle(card, lang()),
    });
  }

  /** Re-renders everything from the latest state. */
  private update(): void {
    if (this.ended) return;
    const state = this.conn.state;
    if (state.phase === "finished") return this.finish();
    const view = this.conn.seatView();
    const step = askStep(view, this.selection);
    if (step.kind === "idle" || step.kind === "player") this.selection = { target: null, theme: null };
    else if (step.kind === "theme") this.selection = { target: step.target, theme: null };
    const mine = state.phase === "playing" && state.turn === this.conn.me;
    this.screen.setHandEmpty(state.phase === "waiting" ? t("table.handNotDealt") : t("table.handEmpty"));
    const turnName = state.turn ? this.names.plain(state.turn) : "";
    this.screen.setTurn(
      state.phase === "waiting"
        ? t("table.waiting")
        : state.paused
          ? t("ws.paused")
          : mine
            ? t("table.turnYou")
            : t("table.turnOther", { name: turnName }),
      mine,
    );
    this.panel.render({
      step: this.conn.status === "lost" ? { kind: "idle" } : step,
      sending: this.sending,
      waitingFor: mine ? "" : turnName,
      canStart:
        !this.conn.workshop && state.phase === "waiting" && (state.host || state.players[0]?.id) === this.conn.me,
      waitingText:
        state.phase === "waiting"
          ? [
              this.conn.workshop ? t("ws.tableWaiting") : t("table.waitingCode", { code: this.conn.code }),
              t("table.waitingPlayers", { names: state.players.map((p) => isolate(p.name)).join(", ") }),
            ]
          : this.conn.status === "lost"
            ? [t("connection.lostHelp")]
            : [],
      openPicks: this.picks.open(),
      notice: this.notice || (state.notice ? t("ws.notice", { text: state.notice }) : ""),
      lost: this.conn.status === "lost",
      names: state.players.map((p) => p.name).join("\n"),
      out: state.phase === "playing" && this.myHand().length === 0,
    });
    this.game?.scene.show(this.model());
    if (!this.ready && state.phase === "playing" && this.game) {
      // Interactive once the first hand is on screen and the panel takes input.
      requestAnimationFrame(() => requestAnimationFrame(() => this.markReady()));
    }
    this.tick();
  }

  private markReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.screen.setReady();
  }

  private choose(selection: AskSelection): void {
    this.selection = selection;
    this.notice = "";
    this.update();
  }

  private ask(card: CardId): void {
    const target = this.selection.target;
    if (!target || this.sending) return;
    this.sending = true;
    this.notice = "";
    this.conn.ask(target, card);
    this.update();
  }

  private onEvent(e: TableEvent): void {
    const me = this.conn.me;
    if (e.type === "turn") {
      // After a hit the same player asks again: nothing new to say.
      if (e.player === this.lastTurn) return;
      this.lastTurn = e.player;
    }
    const lines = eventLines(this.names, me, e);
    this.screen.log(lines);
    const scene = this.game?.scene;
    switch (e.type) {
      case "asked":
        if (e.from === me) {
          this.sending = false;
          this.selection = e.got ? { target: e.to, theme: null } : { target: null, theme: null };
        }
        if (e.got) scene?.play({ type: "move", card: e.card, from: e.to, to: e.from });
        announce(lines.join(" "));
        break;
      case "drew":
        scene?.play({ type: "draw", player: e.player, ...(e.card ? { card: e.card } : {}) });
        announce(lines.join(" "));
        break;
      case "quartet":
        scene?.play({ type: "quartet", player: e.player, theme: e.theme, banner: lines[0] ?? "" });
        announce(lines.join(" "));
        if (e.player === me) this.picks.offer(e.theme, this.motion ? 900 : 100, () => this.ended);
        break;
      case "turn":
        // The turn is in the status line; say it, it decides what the player can do.
        announce(lines.join(" "));
        break;
      default:
        announce(lines.join(" "));
    }
    this.update();
  }

  private toggleMotion(): void {
    this.motion = !this.motion;
    try {
      localStorage.setItem(MOTION_KEY, this.motion ? "on" : "off");
    } catch {
      // Without storage the choice lasts for this table only.
    }
    this.screen.setMotion(this.motion);
    this.game?.scene.setMotion(this.motion);
  }

  /** The move now: a hit starts a new one (the log grows), and so does a new turn. */
  private moveKey(): string {
    return `${this.conn.state.turn}:${this.conn.log.length}`;
  }

  private moreTime(): void {
    this.extended = this.moveKey();
    this.conn.moreTime();
    this.tick();
  }

  private tick(): void {
    const state = this.conn.state;
    const deadline = state.turnDeadline;
    const seconds =
      deadline > 0 && state.phase === "playing" ? Math.max(0, Math.ceil((deadline - Date.now()) / 1000)) : null;
    this.screen.setTimer(seconds);
    const mine = seconds !== null && state.turn === this.conn.me && !state.paused;
    const key = this.moveKey();
    this.screen.setMoreTime(mine && seconds > 0 && this.extended !== key);
    // The timer is shown, not read out: a screen reader hears once when the turn's time runs low.
    const warning = `${key}:${String(this.extended === key)}`;
    if (mine && seconds <= TIME_LOW_S && seconds > 0 && this.warned !== warning) {
      this.warned = warning;
      announce(t(this.extended === key ? "table.timeLowLast" : "table.timeLow", { seconds }));
    }
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    window.setTimeout(
      () => {
        this.destroyGame();
        const redraw = showEnd(
          () => ({ state: this.conn.state, openPicks: this.picks.open() }),
          this.conn.me,
          {
            again: () => void this.again(),
            home: () => void this.leave(),
            openPick: (theme) => this.picks.show(theme),
          },
          this.motion,
        );
        // A quartet laid with the last ask: offer its pick on the end screen.
        this.picks.showNext();
        // New picks (the own and the others') come into the plan as they are made.
        this.stops.push(this.conn.on("state", redraw));
      },
      this.motion ? 1600 : 300,
    );
  }

  private destroyGame(): void {
    window.clearInterval(this.timer);
    this.game?.destroy();
    this.game = null;
  }

  /** "Play again": a friends' table's group goes to its new table together; otherwise a new quick-play table. */
  private async again(): Promise<void> {
    if (!this.friends) return this.leave(true);
    try {
      const code = await this.friends.again();
      for (const stop of this.stops) stop();
      this.destroyGame();
      await this.conn.leave();
      this.options.again(code);
    } catch (e) {
      announce(e instanceof Error ? e.message : String(e));
    }
  }

  /** Leaves the table; `again` starts a new quick-play table. */
  async leave(again = false): Promise<void> {
    for (const stop of this.stops) stop();
    this.destroyGame();
    await this.conn.leave();
    if (again) this.options.again();
    else this.options.home();
  }
}
