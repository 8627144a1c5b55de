import type { Lang } from "@iot/shared/protocol";

/** Who sits at a seat, beyond the rules: the host's record of it. `id` is the player id the rules use. */
export interface Seat {
  id: string;
  name: string;
  /** Seat number from 0. */
  seat: number;
  isBot: boolean;
  connected: boolean;
  lang: Lang;
  /** The player's role in their region and where the region stands ("" when not given). */
  role: string;
  regionPhase: string;
}

/** The lowest seat number nobody holds. */
export function freeSeat(seats: Iterable<Seat>): number {
  const taken = new Set([...seats].map((s) => s.seat));
  let seat = 0;
  while (taken.has(seat)) seat++;
  return seat;
}

/** The seats in seat order. */
export function inSeatOrder(seats: Iterable<Seat>): Seat[] {
  return [...seats].sort((a, b) => a.seat - b.seat);
}

/**
 * Seats a late joiner may take over, in seat order: played by a bot and not
 * held for anyone (`held` says whether a seat is promised to a participant).
 */
export function vacantSeats(seats: Iterable<Seat>, held: (id: string) => boolean): Seat[] {
  return inSeatOrder(seats).filter((s) => s.isBot && !held(s.id));
}
