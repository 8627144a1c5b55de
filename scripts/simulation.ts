import { performance } from "node:perf_hooks";
import { playBotGame } from "@iot/shared/quartet/autoplay";
import { isBotLevel, type BotLevel } from "@iot/shared/quartet/bots/index";
import { defaultStockHandSize } from "@iot/shared/quartet/settings";

export interface SimulationOptions {
  games: number;
  players: number;
  /** One bot level per seat (before rotation). */
  bots: string[];
  seed: number;
}

export interface SimulationReport {
  games: number;
  players: number;
  bots: BotLevel[];
  /** Share of wins per level (ties split the win), 0..1, summed over the seats of that level. */
  winShare: Partial<Record<BotLevel, number>>;
  /** 95% Wilson interval of each level's win share. */
  winShare95: Partial<Record<BotLevel, [number, number]>>;
  asksPerGame: number;
  gamesPerSecond: number;
}

/**
 * Plays `games` games with the seats rotated each game (seat i gets
 * `bots[(i + g) % P]`), seeds `seed + g`. Two players use the stock variant
 * (the only legal two-player game). Throws on bad options.
 */
export function runSimulation(opts: SimulationOptions): SimulationReport {
  const { games, players, seed } = opts;
  if (!Number.isInteger(games) || games < 1) throw new Error("--games must be a whole number >= 1");
  if (!Number.isInteger(players) || players < 2 || players > 6) throw new Error("--players must be 2..6");
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  if (opts.bots.length !== players) throw new Error(`--bots needs ${players} levels, got ${opts.bots.length}`);
  const bots = opts.bots.map((b) => {
    if (!isBotLevel(b)) throw new Error(`unknown bot level "${b}" (easy, medium, hard)`);
    return b;
  });
  const settings = players === 2 ? { stockHandSize: defaultStockHandSize(2) } : {};
  const wins: Partial<Record<BotLevel, number>> = {};
  for (const b of bots) wins[b] = 0;
  let asks = 0;
  const t0 = performance.now();
  for (let g = 0; g < games; g++) {
    const levels = bots.map((_, i) => bots[(i + g) % players] as BotLevel);
    const result = playBotGame(levels, settings, seed + g);
    asks += result.asks;
    const winners = result.ranking.filter((r) => r.place === 1);
    for (const w of winners) {
      const level = levels[Number(w.player.slice(1))] as BotLevel;
      wins[level] = (wins[level] ?? 0) + 1 / winners.length;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const winShare: SimulationReport["winShare"] = {};
  const winShare95: SimulationReport["winShare95"] = {};
  for (const level of Object.keys(wins) as BotLevel[]) {
    const p = (wins[level] ?? 0) / games;
    winShare[level] = p;
    winShare95[level] = wilson(p, games);
  }
  return { games, players, bots, winShare, winShare95, asksPerGame: asks / games, gamesPerSecond: games / seconds };
}

/** 95% Wilson score interval for a proportion `p` over `n` trials. */
export function wilson(p: number, n: number): [number, number] {
  const z = 1.959964;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The report as a few readable lines. */
export function formatSimulation(r: SimulationReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [`${r.games} games, ${r.players} players, seats: ${r.bots.join(",")} (rotated)`];
  for (const level of Object.keys(r.winShare) as BotLevel[]) {
    const [lo, hi] = r.winShare95[level] ?? [0, 0];
    const seats = r.bots.filter((b) => b === level).length;
    lines.push(`  ${level.padEnd(6)} x${seats}: wins ${pct(r.winShare[level] ?? 0)} (95% ${pct(lo)}-${pct(hi)})`);
  }
  lines.push(`  asks per game: ${r.asksPerGame.toFixed(1)}`);
  lines.push(`  games per second: ${Math.round(r.gamesPerSecond)}`);
  return lines.join("\n");
}
