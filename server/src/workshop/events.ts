/**
 * Pushing workshop changes to the browsers that follow them, as server-sent
 * events. Whatever changes a workshop (the service: a join, tables formed, a
 * move, a start, pause, a message, the end; a table: a move, a connection,
 * the end of its game) is published on Colyseus' presence, so it reaches
 * every server process (locally, or over Redis with several). Each process
 * keeps one subscription while it has streams open, and per followed thing
 * (a workshop's overview, a participant's lobby) one channel that builds the
 * state again on a change that concerns it and sends it to every stream
 * following it, coalescing changes that come in quick succession.
 */
import type { Request, Response } from "express";
import { matchMaker, type Presence } from "@colyseus/core";
import type { TableRoom } from "../table/TableRoom.js";
import type { Timer } from "../table/scheduler.js";
import { ApiError } from "./errors.js";

/** The presence topic every workshop change is published on. */
export const CHANGES_TOPIC = "iot:workshop-changes";

/** A change: something about a whole workshop, or one table's live state. */
export type WorkshopChange = { workshop: string } | { table: string };

/** A table's changes are published at most this often (ms, on the table's time). */
export const TABLE_PUSH_MS = 500;
/** After a push, a channel waits this long before the next, gathering the changes that came meanwhile (ms). */
export const PUSH_GAP_MS = 250;
/** A comment line on every open stream this often, so proxies keep it open (ms). */
export const HEARTBEAT_MS = 25_000;
/** What the browser waits before it reconnects a dropped stream (ms, the stream's `retry:`). */
export const RETRY_MS = 3_000;

/** The running process's presence; undefined before the matchmaker is set up. */
const currentPresence = (): Presence | undefined => (matchMaker.presence as Presence | undefined) ?? undefined;

/** Publishes a change to every process (never throws; a failed publish is reported). */
export function publishChange(change: WorkshopChange, presence: Presence | undefined = currentPresence()): void {
  if (!presence) return;
  try {
    Promise.resolve(presence.publish(CHANGES_TOPIC, change)).catch((e: unknown) =>
      console.error("publishing a workshop change failed", e),
    );
  } catch (e) {
    console.error("publishing a workshop change failed", e);
  }
}

const throttles = new WeakMap<TableRoom, { last: number; timer: Timer | null }>();

/**
 * A table changed: publishes it at once, or, if it did less than
 * {@link TABLE_PUSH_MS} ago, once when that time is up (on the table's time,
 * so a test's clock governs it). The publish waits for `landed` (what the game
 * produced being written), so a finished table reads as finished.
 */
export function tableChanged(
  host: TableRoom,
  tableId: string,
  landed: () => Promise<unknown>,
  presence: () => Presence | undefined = currentPresence,
): void {
  let state = throttles.get(host);
  if (!state) {
    state = { last: Number.NEGATIVE_INFINITY, timer: null };
    throttles.set(host, state);
  }
  if (state.timer) return;
  const publish = (s: { last: number }) => {
    s.last = host.now();
    void landed()
      .catch(() => undefined)
      .then(() => publishChange({ table: tableId }, presence()));
  };
  const wait = state.last + TABLE_PUSH_MS - host.now();
  if (wait <= 0) return publish(state);
  const s = state;
  s.timer = host.later(() => {
    s.timer = null;
    publish(s);
  }, wait);
}

/** What a stream follows: the state to send, rebuilt on every change that concerns it. */
export interface StreamSource {
  /** One channel per key (`overview:<workshop id>`, `lobby:<participant id>`); streams with the same key share it. */
  key: string;
  /** The workshop whose changes concern it. */
  workshopId: string;
  /** The event's name (`overview`, `lobby`). */
  event: string;
  /** The state now, and the tables whose changes concern it. An ApiError ends the channel's streams. */
  build(): Promise<{ body: unknown; tables: ReadonlySet<string> }>;
  /** Checked with every heartbeat: false ends this stream (e.g. the facilitator signed out). */
  alive?: () => Promise<boolean>;
}

function concerns(change: unknown, workshopId: string, tables: ReadonlySet<string>): boolean {
  if (typeof change !== "object" || change === null) return false;
  const c = change as Partial<Record<"workshop" | "table", unknown>>;
  return c.workshop === workshopId || (typeof c.table === "string" && tables.has(c.table));
}

function sendEvent(res: Response, event: string, json: string): void {
  res.write(`event: ${event}\ndata: ${json}\n\n`);
}

/** The streams of one source: the last state sent, and one build at a time with a gap after each. */
class Channel {
  readonly clients = new Set<Response>();
  private last: string | null = null;
  private tables: ReadonlySet<string> = new Set();
  private running = false;
  private again = false;
  closed = false;

  constructor(readonly source: StreamSource) {}

  concerns(change: unknown): boolean {
    return concerns(change, this.source.workshopId, this.tables);
  }

  /** A new stream gets the last state at once (or the first build's, when it comes). */
  add(res: Response): void {
    this.clients.add(res);
    if (this.last !== null) sendEvent(res, this.source.event, this.last);
  }

  /** Builds and sends now, or once more after the build under way. */
  request(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.run();
  }

  private async run(): Promise<void> {
    do {
      this.again = false;
      await this.push();
      await new Promise((resolve) => setTimeout(resolve, PUSH_GAP_MS).unref());
    } while (this.again && !this.closed);
    this.running = false;
  }

  private async push(): Promise<void> {
    try {
      const { body, tables } = await this.source.build();
      this.tables = tables;
      const json = JSON.stringify(body);
      if (json === this.last || this.closed) return;
      this.last = json;
      for (const res of this.clients) sendEvent(res, this.source.event, json);
    } catch (e) {
      if (e instanceof ApiError) for (const res of this.clients) res.end();
      else console.error(`a workshop stream (${this.source.key}) could not be updated`, e);
    }
  }
}

/**
 * This process's workshop streams: opens them, keeps them up to date from
 * the presence topic, sends the heartbeat, and cleans up when a browser goes
 * (the presence subscription too, with the last stream).
 */
export class WorkshopStreams {
  private readonly channels = new Map<string, Channel>();
  private readonly open = new Set<Response>();
  private subscribed: Promise<unknown> | null = null;
  private readonly onChange = (change: unknown) => {
    for (const channel of this.channels.values()) if (channel.concerns(change)) channel.request();
  };

  constructor(private readonly options: { heartbeatMs?: number; presence?: () => Presence | undefined } = {}) {}

  private presence(): Presence | undefined {
    return (this.options.presence ?? currentPresence)();
  }

  /** How many streams are open, and how many channels feed them. */
  get size(): { streams: number; channels: number } {
    return { streams: this.open.size, channels: this.channels.size };
  }

  /**
   * Turns `res` into an event stream following `source`: the current state
   * first, then every change. Subscribes to the presence topic first, so no
   * change between the first state and the subscription is lost.
   */
  async follow(req: Request, res: Response, source: StreamSource): Promise<void> {
    const presence = this.presence();
    if (presence && !this.subscribed) this.subscribed = presence.subscribe(CHANGES_TOPIC, this.onChange);
    await this.subscribed;
    if (req.destroyed || res.writableEnded) return this.release();
    res.status(200).set({
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      // nginx and friends: do not buffer the stream.
      "x-accel-buffering": "no",
    });
    res.flushHeaders();
    req.socket.setNoDelay(true);
    res.write(`retry: ${RETRY_MS}\n\n`);
    this.open.add(res);
    let channel = this.channels.get(source.key);
    const fresh = !channel;
    if (!channel) {
      channel = new Channel(source);
      this.channels.set(source.key, channel);
    }
    channel.add(res);
    if (fresh) channel.request();
    const beat = setInterval(() => {
      res.write(": heartbeat\n\n");
      void source
        .alive?.()
        .then((alive) => {
          if (!alive) res.end();
        })
        .catch(() => undefined);
    }, this.options.heartbeatMs ?? HEARTBEAT_MS);
    const own = channel;
    res.on("close", () => {
      clearInterval(beat);
      this.open.delete(res);
      own.clients.delete(res);
      if (own.clients.size === 0 && this.channels.get(source.key) === own) {
        own.closed = true;
        this.channels.delete(source.key);
      }
      this.release();
    });
  }

  /** Ends every stream (the server shuts down); browsers reconnect to another process or after the restart. */
  close(): void {
    for (const res of this.open) res.end();
  }

  /** Unsubscribes from the presence topic once no stream is left. */
  private release(): void {
    if (this.open.size > 0 || !this.subscribed) return;
    const subscribed = this.subscribed;
    this.subscribed = null;
    const presence = this.presence();
    void subscribed
      .then(() => presence?.unsubscribe(CHANGES_TOPIC, this.onChange))
      .catch((e: unknown) => console.error("leaving the workshop changes failed", e));
  }
}
