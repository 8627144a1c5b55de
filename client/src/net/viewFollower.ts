/**
 * The client side of the view route, for every game: keeps the seat's
 * table view from the room's `view` messages (whole, then JSON patches),
 * checks each with the game's schema, and asks for the whole view again
 * (`resync`) when it joins, comes back after a drop, misses a step or gets
 * something that does not check. Screens never see a view that failed.
 */
import type { Room } from "@colyseus/sdk";
import type { z } from "zod";
import { patchView, type ViewOperation } from "@iot/shared/table/patch";
import { RESYNC_MESSAGE, VIEW_MESSAGE, tableViewSchema, type TableView } from "@iot/shared/table/view";

export class ViewFollower<V> {
  view: TableView<V> | null = null;
  private seq = 0;
  private readonly schema: z.ZodType<TableView<V>>;

  constructor(
    private readonly room: Room,
    game: z.ZodType<V>,
    /** Called with each new view and the one before it (null the first time). */
    private readonly changed: (view: TableView<V>, before: TableView<V> | null) => void,
  ) {
    this.schema = tableViewSchema(game) as unknown as z.ZodType<TableView<V>>;
    room.onMessage(VIEW_MESSAGE, (m: { seq?: number; full?: unknown; ops?: ViewOperation[] }) => this.receive(m));
    room.onReconnect(() => this.resync());
    this.resync();
  }

  /** Asks the server for the whole view. */
  resync(): void {
    this.room.send(RESYNC_MESSAGE, {});
  }

  private receive(m: { seq?: number; full?: unknown; ops?: ViewOperation[] }): void {
    const seq = typeof m.seq === "number" ? m.seq : -1;
    let next: unknown;
    if (m.full !== undefined) next = m.full;
    else if (this.view && Array.isArray(m.ops) && seq === this.seq + 1) {
      try {
        next = patchView(this.view, m.ops);
      } catch {
        return this.resync();
      }
    } else return this.resync();
    const parsed = this.schema.safeParse(next);
    if (!parsed.success) {
      console.error("a table view did not check", parsed.error.issues.slice(0, 3));
      return this.resync();
    }
    this.seq = seq;
    const before = this.view;
    this.view = parsed.data;
    this.changed(this.view, before);
  }
}

/**
 * Registers `handle` for message `type` of a game's message table: a payload
 * that does not pass the table's schema is reported and dropped, never
 * handed to a screen.
 */
export function onChecked<T>(room: Room, type: string, schema: z.ZodType<T>, handle: (payload: T) => void): void {
  room.onMessage(type, (payload: unknown) => {
    const parsed = schema.safeParse(payload ?? {});
    if (parsed.success) handle(parsed.data);
    else console.error(`a "${type}" message did not check`, parsed.error.issues.slice(0, 3));
  });
}
