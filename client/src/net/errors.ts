import { t } from "../i18n/index.js";

/** Why joining failed, in the chosen language where the reason is known. */
export function errorText(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  // Colyseus matchmaking: 522 no such room, 524 seat reservation expired.
  if (code === 522 || code === 524) return t("home.noSuchTable");
  if (e instanceof TypeError) return t("home.unreachable");
  return e instanceof Error ? e.message : String(e);
}
