import type { HistoryPayload } from "@iot/shared/protocol";
import type { QuartetTable } from "@iot/shared/quartet/game";
import { eventForSeat } from "@iot/shared/quartet/seatView";

/**
 * The `history` message of a quartet table: its event log as everyone may
 * see it (a drawn card is left out for every client, the drawer's too; no
 * event carries a hand). Null before the deal: there is nothing to tell.
 */
export function publicHistory(table: QuartetTable | null): HistoryPayload | null {
  if (!table) return null;
  return { events: table.log.map((e) => eventForSeat(e, "")) };
}
