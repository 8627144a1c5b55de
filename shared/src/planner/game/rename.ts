import type { PlannerGame, PlayerId } from "./types.js";

const swap = (id: PlayerId, from: PlayerId, to: PlayerId) => (id === from ? to : id);

function renameKeys<T>(record: Record<PlayerId, T>, from: PlayerId, to: PlayerId): Record<PlayerId, T> {
  const out: Record<PlayerId, T> = {};
  for (const [key, value] of Object.entries(record)) out[swap(key, from, to)] = value;
  return out;
}

/**
 * Gives a carrier a new planner id everywhere it appears: the seat order,
 * names, carriers, offers (giver and taker), exchanges and round results.
 * Used when a planner takes their carrier back under a new session after a
 * server restart. Throws a RangeError when `from` is not in the game, or
 * `to` is empty or already in use; nothing is modified in place.
 */
export function renamePlanner(game: PlannerGame, from: PlayerId, to: PlayerId): PlannerGame {
  if (from === to || to === "" || !game.players.includes(from) || game.players.includes(to)) {
    throw new RangeError(`cannot rename planner ${from} to ${to}`);
  }
  return {
    ...game,
    players: game.players.map((p) => swap(p, from, to)),
    names: renameKeys(game.names, from, to),
    carriers: renameKeys(game.carriers, from, to),
    offers: game.offers.map((o) => {
      const offer = { ...o, from: swap(o.from, from, to) };
      if (o.takenBy !== undefined) offer.takenBy = swap(o.takenBy, from, to);
      return offer;
    }),
    exchanges: game.exchanges.map((e) => ({ ...e, from: swap(e.from, from, to), to: swap(e.to, from, to) })),
    results: game.results.map((r) => ({ ...r, player: swap(r.player, from, to) })),
  };
}
