import { createRng } from "../rng.js";
import { chooseAsk, type BotLevel } from "./bots/index.js";
import { applyAsk, newGame } from "./rules.js";
import { eventForSeat, seatViewFromHistory } from "./seatView.js";
import type { PlayerId, QuartetEvent, QuartetState, RankEntry, TableSettings } from "./types.js";

/** Most asks a bot game may take before it counts as stuck (a safety bound, far above real games). */
export const MAX_ASKS_PER_GAME = 5_000;

export interface BotGameResult {
  state: QuartetState;
  log: QuartetEvent[];
  ranking: RankEntry[];
  asks: number;
}

/**
 * Plays a whole game between bots, seat `i` played at `levels[i]` with player
 * id `p<i>`. Deterministic for `seed`: the deal and every bot use RNGs derived
 * from it. Throws if the rules reject a bot's ask or the game exceeds
 * {@link MAX_ASKS_PER_GAME}; both would be bugs.
 */
export function playBotGame(
  levels: readonly BotLevel[],
  settings: Partial<TableSettings>,
  seed: number,
): BotGameResult {
  const players: PlayerId[] = levels.map((_, i) => `p${i}`);
  const dealRng = createRng(seed);
  const botRng = createRng(seed ^ 0x5bd1e995);
  const started = newGame(players, settings, dealRng);
  if (!started.ok) throw new Error(`newGame rejected: ${started.rejection.code}`);
  let state = started.state;
  const log: QuartetEvent[] = [];
  const histories = new Map<PlayerId, QuartetEvent[]>(players.map((p) => [p, []]));
  const record = (events: QuartetEvent[]) => {
    for (const e of events) {
      log.push(e);
      for (const [p, h] of histories) h.push(eventForSeat(e, p));
    }
  };
  record(started.events);
  while (state.phase === "playing") {
    if (state.asks >= MAX_ASKS_PER_GAME) throw new Error(`game ${seed} did not end within ${MAX_ASKS_PER_GAME} asks`);
    const me = state.turn as PlayerId;
    const level = levels[players.indexOf(me)] as BotLevel;
    const ask = chooseAsk(level, seatViewFromHistory(state, me, histories.get(me) ?? []), botRng);
    if (!ask) throw new Error(`bot ${me} had no legal ask in game ${seed}`);
    const result = applyAsk(state, ask);
    if (!result.ok) throw new Error(`bot ask rejected (${result.rejection.code}) in game ${seed}`);
    state = result.state;
    record(result.events);
  }
  return { state, log, ranking: state.ranking ?? [], asks: state.asks };
}
