import type { PlanPick } from "./actionPlan.js";
import type { PlayerId, QuartetEvent, QuartetState, RankEntry } from "./types.js";

function renameRecord<T>(record: Record<PlayerId, T>, from: PlayerId, to: PlayerId): Record<PlayerId, T> {
  const out: Record<PlayerId, T> = {};
  for (const [key, value] of Object.entries(record)) out[key === from ? to : key] = value;
  return out;
}

const swap = (id: PlayerId, from: PlayerId, to: PlayerId) => (id === from ? to : id);
const renameRanking = (r: RankEntry[], from: PlayerId, to: PlayerId) =>
  r.map((e) => ({ ...e, player: swap(e.player, from, to) }));

function renameEvent(e: QuartetEvent, from: PlayerId, to: PlayerId): QuartetEvent {
  switch (e.type) {
    case "dealt":
      return { ...e, handCounts: renameRecord(e.handCounts, from, to) };
    case "asked":
      return { ...e, from: swap(e.from, from, to), to: swap(e.to, from, to) };
    case "finished":
      return { ...e, ranking: renameRanking(e.ranking, from, to) };
    default:
      return { ...e, player: swap(e.player, from, to) };
  }
}

/**
 * Gives a seat a new player id everywhere it appears (state, event log,
 * picks), e.g. when a participant takes their seat back under a new session
 * after a server restart. `to` must not be in use; nothing is modified in place.
 */
export function renamePlayer(
  game: { state: QuartetState; log: readonly QuartetEvent[]; picks: readonly PlanPick[] },
  from: PlayerId,
  to: PlayerId,
): { state: QuartetState; log: QuartetEvent[]; picks: PlanPick[] } {
  const s = game.state;
  if (from === to || !s.players.includes(from) || s.players.includes(to)) {
    throw new RangeError(`cannot rename player ${from} to ${to}`);
  }
  return {
    state: {
      ...s,
      players: s.players.map((p) => swap(p, from, to)),
      hands: renameRecord(s.hands, from, to),
      quartets: renameRecord(s.quartets, from, to),
      turn: s.turn === null ? null : swap(s.turn, from, to),
      ranking: s.ranking ? renameRanking(s.ranking, from, to) : null,
    },
    log: game.log.map((e) => renameEvent(e, from, to)),
    picks: game.picks.map((p) => ({ ...p, player: swap(p.player, from, to) })),
  };
}
