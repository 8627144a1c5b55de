/**
 * A workshop participant's secret token, kept in this browser so a reload
 * brings them back to their lobby or their seat.
 */
const KEY = "iot.participant";

export interface StoredParticipant {
  token: string;
  code: string;
}

/** Remembers the participant. */
export function saveParticipant(p: StoredParticipant): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Without storage a reload asks for the code again.
  }
}

/** The participant remembered in this browser, if any. */
export function loadParticipant(): StoredParticipant | null {
  try {
    const p = JSON.parse(localStorage.getItem(KEY) ?? "null") as StoredParticipant | null;
    return p && typeof p.token === "string" && typeof p.code === "string" ? p : null;
  } catch {
    return null;
  }
}

/** Forgets the participant (the workshop ended, or they left). */
export function clearParticipant(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // ignore
  }
}
