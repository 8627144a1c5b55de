/**
 * Plays many bot games and prints how each bot level fares.
 * Usage: npm run simulate -- --games N --players P --bots hard,easy,easy,easy [--seed S] [--json]
 * Seats rotate from game to game so every level plays every seat.
 */
import { parseArgs } from "node:util";
import { runSimulation, formatSimulation } from "./simulation.js";

const { values } = parseArgs({
  options: {
    games: { type: "string", default: "1000" },
    players: { type: "string" },
    bots: { type: "string", default: "hard,easy,easy,easy" },
    seed: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
  },
});

try {
  const bots = (values.bots ?? "").split(",").map((s) => s.trim());
  const players = values.players === undefined ? bots.length : Number(values.players);
  const report = runSimulation({ games: Number(values.games), players, bots, seed: Number(values.seed) });
  console.log(values.json ? JSON.stringify(report) : formatSimulation(report));
} catch (error) {
  console.error(`simulate: ${(error as Error).message}`);
  process.exit(2);
}
