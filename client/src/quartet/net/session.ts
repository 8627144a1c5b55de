/**
 * The seat to come back to after a drop or a reload: the room's reconnection
 * token in sessionStorage (one per tab, so two tabs can hold two seats).
 */
const TOKEN_KEY = "iot.reconnect";

export interface StoredSeat {
  token: string;
  /** The rules this client asked for when it opened the table (for legal choices). */
  rules?: Record<string, unknown>;
  /** The seat is at a workshop table. */
  workshop?: boolean;
}

/** Remembers the seat. */
export function saveSeat(seat: StoredSeat): void {
  try {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(seat));
  } catch {
    // Without storage a reload starts over; nothing else breaks.
  }
}

/** The remembered seat, if any. */
export function loadSeat(): StoredSeat | null {
  try {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    const seat = JSON.parse(raw) as StoredSeat;
    return typeof seat.token === "string" && seat.token.includes(":") ? seat : null;
  } catch {
    return null;
  }
}

/** Forgets the seat (left the table, or the table is gone). */
export function clearSeat(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // ignore
  }
}
