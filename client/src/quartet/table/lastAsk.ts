/**
 * The last ask of the game as the middle of the table shows it: who asked
 * whom for which card, the answer, and the card the asker drew after a
 * "Heb ik niet". Built from the log alone, so it is back after a reload.
 */
import type { TableEvent } from "../net/types.js";
import type { LastAskModel } from "./model.js";
import { eventLines, type Names } from "./texts.js";

/** The last ask in `log` with what followed it (a draw by the asker), or null before the first ask. */
export function lastAsk(log: readonly TableEvent[], names: Names, me: string): LastAskModel | null {
  let at = -1;
  for (let i = log.length - 1; i >= 0; i--) {
    if (log[i]?.type === "asked") {
      at = i;
      break;
    }
  }
  const ask = log[at];
  if (!ask || ask.type !== "asked") return null;
  const [question = "", answer = ""] = eventLines(names, me, ask);
  let drew = "";
  for (const e of log.slice(at + 1)) {
    if (e.type === "asked") break;
    if (e.type === "drew" && e.player === ask.from) drew = eventLines(names, me, e)[0] ?? "";
  }
  return {
    from: ask.from,
    to: ask.to,
    fromName: names.of(ask.from),
    toName: names.of(ask.to),
    card: ask.card,
    got: ask.got,
    question,
    answer,
    drew,
  };
}
