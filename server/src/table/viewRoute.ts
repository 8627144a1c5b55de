import type { Client } from "@colyseus/core";
import { diffViews, type DiffMemo } from "@iot/shared/table/patch";
import { VIEW_MESSAGE, type SeatPublic, type TableView } from "@iot/shared/table/view";
import { inSeatOrder, type Seat } from "./seats.js";

/** What a table gives the view route to build one seat's view. */
export interface ViewSource {
  readonly seats: ReadonlyMap<string, Seat>;
  /** The table's part of the view for seat `id` (everything but the seats), or null when `id` has no seat. */
  viewOf(id: string, seats: SeatPublic[]): TableView<unknown> | null;
  client(id: string): Client | undefined;
}

/**
 * The view route of one table: which clients take it, the last view each
 * was sent and its number. `push` sends every such client what changed in
 * its view: the whole view when it asks (`resync`: once its handlers are in
 * place, after a reconnect, whenever it missed a step), else the JSON patch
 * from the last one.
 */
export class ViewRoute {
  private viewers = new Map<string, { view: TableView<unknown> | null; seq: number; ready: boolean }>();
  private lastSeats: SeatPublic[] | null = null;

  /** Client `id` takes the route; nothing is sent until it asks (`resync`). */
  add(id: string): void {
    this.viewers.set(id, { view: null, seq: 0, ready: false });
  }

  remove(id: string): void {
    this.viewers.delete(id);
  }

  has(id: string): boolean {
    return this.viewers.has(id);
  }

  /** The clients on the route. */
  ids(): string[] {
    return [...this.viewers.keys()];
  }

  /** Client `id` asks for the whole view; false when it is not on the route. */
  resync(id: string): boolean {
    const viewer = this.viewers.get(id);
    if (!viewer) return false;
    viewer.view = null;
    viewer.ready = true;
    return true;
  }

  /** Client `id` is back after a drop: it gets the whole view again once it asks. */
  reconnected(id: string): void {
    const viewer = this.viewers.get(id);
    if (viewer) {
      viewer.view = null;
      viewer.ready = false;
    }
  }

  /** Sends each ready client on the route what changed in its view. */
  push(source: ViewSource): void {
    if (this.viewers.size === 0) return;
    const seats = this.publicSeats(source.seats);
    const memo: DiffMemo = new Map();
    for (const [id, viewer] of this.viewers) {
      const client = source.client(id);
      const view = viewer.ready && client ? source.viewOf(id, seats) : null;
      if (!client || !view) continue;
      if (viewer.view === null) {
        viewer.seq++;
        client.send(VIEW_MESSAGE, { seq: viewer.seq, full: view });
      } else {
        const ops = diffViews(viewer.view, view, memo);
        if (ops.length === 0) continue;
        viewer.seq++;
        client.send(VIEW_MESSAGE, { seq: viewer.seq, ops });
      }
      viewer.view = view;
    }
  }

  /** The seats as every view shows them; the same array as last time while nothing in it changed. */
  private publicSeats(all: ReadonlyMap<string, Seat>): SeatPublic[] {
    const seats = inSeatOrder(all.values()).map(({ id, name, seat, isBot, connected, role, regionPhase }) => ({
      id,
      name,
      seat,
      isBot,
      connected,
      role,
      regionPhase,
    }));
    const last = this.lastSeats;
    const same =
      last !== null &&
      last.length === seats.length &&
      seats.every((s, i) => {
        const o = last[i] as SeatPublic;
        return (Object.keys(s) as (keyof SeatPublic)[]).every((k) => s[k] === o[k]);
      });
    if (!same) this.lastSeats = seats;
    return this.lastSeats as SeatPublic[];
  }
}
