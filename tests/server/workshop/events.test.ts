import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { LocalPresence } from "@colyseus/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  CHANGES_TOPIC,
  publishChange,
  RETRY_MS,
  tableChanged,
  WorkshopStreams,
  type StreamSource,
} from "../../../server/src/workshop/events.js";
import { ApiError } from "../../../server/src/workshop/errors.js";
import { ManualScheduler } from "../../../server/src/table/scheduler.js";
import type { TableRoom } from "../../../server/src/table/TableRoom.js";
import { openStream, type EventStream } from "../sse.js";

const until = async (ok: () => boolean | Promise<boolean>, what: string, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** An HTTP server on a free port whose `/s/:key` follows a source the test gives. */
async function streamServer(streams: WorkshopStreams, sources: Map<string, StreamSource>) {
  const app = express();
  app.get("/s/:key", (req, res) => {
    const source = sources.get(String(req.params.key));
    if (!source) return void res.status(404).end();
    void streams.follow(req, res, source);
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/s/`, server };
}

describe("workshop streams on the presence (no game server)", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(source: Partial<StreamSource> & { build: StreamSource["build"] }) {
    const presence = new LocalPresence();
    const streams = new WorkshopStreams({ heartbeatMs: 40, presence: () => presence });
    const sources = new Map<string, StreamSource>([
      ["a", { key: "overview:w1", workshopId: "w1", event: "overview", ...source }],
    ]);
    const { url, server } = await streamServer(streams, sources);
    const opened: EventStream[] = [];
    cleanups.push(async () => {
      for (const s of opened) s.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });
    const open = async () => {
      const s = await openStream(`${url}a`);
      opened.push(s);
      return s;
    };
    return { presence, streams, open };
  }

  it("sends the state first, then on every change of its workshop or its tables, coalesced; a heartbeat comment; cleans up", async () => {
    let version = 0;
    let builds = 0;
    const { presence, streams, open } = await setup({
      build: async () => {
        builds++;
        await new Promise((r) => setTimeout(r, 5));
        return { body: { version }, tables: new Set(["t1"]) };
      },
    });
    const s = await open();
    expect(s.status).toBe(200);
    expect(s.contentType).toContain("text/event-stream");
    await s.waitFor<{ version: number }>("overview", (d) => d.version === 0);
    expect(s.retry).toBe(RETRY_MS);
    expect(await presence.channels()).toEqual([CHANGES_TOPIC]);

    // A change of this workshop is pushed; a burst of changes comes as few builds, ending with the last state.
    version = 1;
    publishChange({ workshop: "w1" }, presence);
    await s.waitFor<{ version: number }>("overview", (d) => d.version === 1);
    const before = builds;
    for (let i = 2; i <= 20; i++) {
      version = i;
      publishChange({ table: "t1" }, presence);
    }
    await s.waitFor<{ version: number }>("overview", (d) => d.version === 20);
    expect(builds - before).toBeLessThanOrEqual(3);

    // Changes of another workshop or table do not build anything; an unchanged state is not sent again.
    const sent = s.events.length;
    const built = builds;
    publishChange({ workshop: "w2" }, presence);
    publishChange({ table: "t9" }, presence);
    publishChange({ workshop: "w1" }, presence);
    await until(() => builds > built, "rebuilt for its own workshop");
    await new Promise((r) => setTimeout(r, 50));
    expect(builds).toBe(built + 1);
    expect(s.events.length).toBe(sent);

    // A second stream of the same source shares the channel and gets the last state at once.
    const t = await open();
    await t.waitFor<{ version: number }>("overview", (d) => d.version === 20, 1_000);
    expect(streams.size).toEqual({ streams: 2, channels: 1 });

    await until(() => s.comments.includes("heartbeat"), "a heartbeat");

    // When the browsers go, the streams, the channel and the presence subscription go too.
    s.close();
    t.close();
    await until(() => streams.size.streams === 0, "streams closed");
    expect(streams.size.channels).toBe(0);
    await until(async () => (await presence.channels()).length === 0, "unsubscribed");
  });

  it("ends a stream whose source is gone (an ApiError) or no longer alive, and every stream on close()", async () => {
    let gone = false;
    let alive = true;
    const { presence, streams, open } = await setup({
      build: async () => {
        if (gone) throw new ApiError("UNAUTHORIZED");
        return { body: { ok: true }, tables: new Set() };
      },
      alive: async () => alive,
    });
    const first = await open();
    await first.waitFor("overview", () => true);
    gone = true;
    publishChange({ workshop: "w1" }, presence);
    await first.ended;

    gone = false;
    const second = await open();
    await second.waitFor("overview", () => true);
    alive = false;
    await second.ended;

    alive = true;
    const third = await open();
    await third.waitFor("overview", () => true);
    streams.close();
    await third.ended;
    await until(async () => (await presence.channels()).length === 0, "unsubscribed");
  });

  it("publishes a table's changes at most every 500 ms on the table's time, after what it produced has landed", async () => {
    const presence = new LocalPresence();
    const published: unknown[] = [];
    await presence.subscribe(CHANGES_TOPIC, (c: unknown) => published.push(c));
    const clock = new ManualScheduler();
    const host = {
      now: () => clock.now(),
      later: (run: () => void, ms: number) => clock.setTimeout(run, ms),
    } as unknown as TableRoom;
    let landed!: () => void;
    let writes = new Promise<void>((r) => (landed = r));

    tableChanged(
      host,
      "t1",
      () => writes,
      () => presence,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(published).toEqual([]);
    landed();
    await until(() => published.length === 1, "the first change, once written");
    writes = Promise.resolve();
    clock.advance(100);
    tableChanged(
      host,
      "t1",
      () => writes,
      () => presence,
    );
    tableChanged(
      host,
      "t1",
      () => writes,
      () => presence,
    );
    clock.advance(300);
    await new Promise((r) => setTimeout(r, 10));
    expect(published).toHaveLength(1);
    clock.advance(100);
    await until(() => published.length === 2, "the later changes, together, 500 ms after the first");
    expect(published).toEqual([{ table: "t1" }, { table: "t1" }]);
    clock.advance(1_000);
    tableChanged(
      host,
      "t1",
      () => writes,
      () => presence,
    );
    await until(() => published.length === 3, "a change after a quiet time, at once");
  });
});
