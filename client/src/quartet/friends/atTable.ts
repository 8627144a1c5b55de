/**
 * A friends' table on the table screen: the share box while the table waits
 * for its players, and "play again" with the same group after the end (the
 * table's `again`: the first request opens the new table, every client hears
 * its code and is told it may join).
 */
import { t } from "../../i18n/index.js";
import { announce } from "../../ui/announcer.js";
import type { TableConnection } from "../net/connection.js";
import { showShare } from "./share.js";

/** How long a request to play again waits for the new table's code (ms) before it gives up. */
const AGAIN_TIMEOUT_MS = 15_000;

export class FriendsAtTable {
  private hideShare: (() => void) | null = null;
  /** The new table's code, once the group plays again. */
  private next = "";
  private readonly stops: (() => void)[] = [];

  /** Follows `conn` (a friends' table); the share box goes into `screen`, before `before`. */
  constructor(
    private readonly conn: TableConnection,
    private readonly screen: HTMLElement,
    private readonly before: Element | null,
  ) {
    this.stops.push(
      conn.on("state", () => this.update()),
      conn.on("again", (code) => {
        if (this.next === code) return;
        this.next = code;
        announce(t("friends.againOffered"));
      }),
    );
    this.update();
  }

  /** Shows the share box while the table waits for its players, and only then. */
  private update(): void {
    const waiting = this.conn.state.phase === "waiting";
    if (waiting && !this.hideShare) this.hideShare = showShare(this.screen, this.before, this.conn.code);
    if (!waiting) this.removeShare();
  }

  private removeShare(): void {
    this.hideShare?.();
    this.hideShare = null;
  }

  /** The code of the table the group plays again at: asks the table for it unless it was already sent. */
  again(): Promise<string> {
    if (this.next) return Promise.resolve(this.next);
    announce(t("friends.againOpening"));
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => {
        off();
        reject(new Error(t("home.noSuchTable")));
      }, AGAIN_TIMEOUT_MS);
      const off = this.conn.on("again", (code) => {
        window.clearTimeout(timer);
        off();
        resolve(code);
      });
      this.conn.playAgain();
    });
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.removeShare();
  }
}
