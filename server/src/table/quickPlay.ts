import type { Client } from "@colyseus/core";
import type { SeatPolicy, TableRoom } from "./TableRoom.js";
import type { TableSetup } from "./binding.js";

/**
 * Quick play: the creator's options set the table up and the creator hosts
 * it (`start`; the host passes on if they leave before the start); anyone
 * with the room id joins with a name until the start. Nothing is saved.
 */
export const quickPlay: SeatPolicy = {
  hostless: false,
  open(host: TableRoom, raw: unknown): TableSetup<unknown> {
    const setup = host.binding.quickSetup(raw);
    host.initState(setup);
    return setup;
  },
  auth: async () => true,
  join(host: TableRoom, client: Client, options: Record<string, unknown>) {
    host.seatNew(client, host.binding.joinRequest(options));
  },
  left: () => undefined,
  changed: () => undefined,
  events: () => undefined,
  idle: async () => undefined,
};
