import { JOIN_REFUSAL_STATUS, joinRefusalMessage } from "@iot/shared/i18n/joinRefusals";
import { lang, t } from "../i18n/index.js";

/**
 * Why creating or joining failed, in the chosen language where the reason is
 * known: a full table (409) or one that has started (423) by their sentence,
 * a table that is gone by "no open table", otherwise the server's sentence
 * (written in the language the client asked for).
 */
export function errorText(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  // Colyseus matchmaking: 522 no such room, 524 seat reservation expired.
  if (code === 522 || code === 524) return t("home.noSuchTable");
  if (code === JOIN_REFUSAL_STATUS.TABLE_FULL) return joinRefusalMessage("TABLE_FULL", lang());
  if (code === JOIN_REFUSAL_STATUS.TABLE_STARTED) return joinRefusalMessage("TABLE_STARTED", lang());
  if (e instanceof TypeError) return t("home.unreachable");
  return e instanceof Error ? e.message : String(e);
}
