import { instanceFromPoints } from "../solver/instance.js";
import type { ParsedInstance } from "./cvrplib.js";

/** Solomon's grid: each distance truncated to one decimal (floor(10 d) / 10); travel time equals distance. */
export const truncate1 = (d: number) => Math.floor(10 * d) / 10;

/**
 * Parses a Solomon VRPTW `.txt` file. `customers` keeps the depot and the
 * first N customers (the 25- and 50-customer instances). Throws an Error
 * naming what is wrong (a negative demand names the customer and the value).
 */
export function parseSolomon(text: string, customers?: number): ParsedInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? "";
  const vIdx = lines.findIndex((l) => /^NUMBER\s+CAPACITY/.test(l));
  if (vIdx < 0) throw new Error("no VEHICLE section (NUMBER CAPACITY)");
  const [count, capacity] = (lines[vIdx + 1] ?? "").split(/\s+/).map(Number);
  if (!(count && count > 0) || !(capacity && capacity > 0))
    throw new Error("vehicle NUMBER and CAPACITY must be positive numbers");
  const cIdx = lines.findIndex((l) => /^CUST\s+NO\./.test(l));
  if (cIdx < 0) throw new Error("no CUSTOMER section (CUST NO. ...)");
  const rows: number[][] = [];
  for (const line of lines.slice(cIdx + 1)) {
    if (!line) continue;
    const nums = line.split(/\s+/).map(Number);
    if (nums.length !== 7 || nums.some((x) => !Number.isFinite(x)))
      throw new Error(`a customer line needs 7 numbers: "${line}"`);
    if ((nums[3] as number) < 0) throw new Error(`customer ${nums[0]} has a negative demand: ${nums[3]}`);
    rows.push(nums);
  }
  if (rows.length < 2 || rows[0]?.[0] !== 0) throw new Error("the first customer line must be the depot (number 0)");
  if (customers !== undefined) {
    if (!Number.isInteger(customers) || customers < 1 || customers > rows.length - 1) {
      throw new Error(`--customers must be 1..${rows.length - 1}`);
    }
    rows.length = customers + 1;
  }
  const col = (i: number) => rows.map((r) => r[i] as number);
  const instance = instanceFromPoints({
    x: col(1),
    y: col(2),
    demand: col(3),
    ready: col(4),
    due: col(5),
    service: col(6),
    metric: (dx, dy) => truncate1(Math.hypot(dx, dy)),
    vehicles: [{ count, capacity, range: Number.POSITIVE_INFINITY, fixedCost: 0, costPerDistance: 1, costPerTime: 0 }],
  });
  return { name, instance, nodeIds: col(0), vehicles: count };
}
