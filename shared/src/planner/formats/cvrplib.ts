import { instanceFromPoints, type VrpInstance } from "../solver/instance.js";

/** A parsed benchmark file: the instance and, per internal node, the node number in the file. */
export interface ParsedInstance {
  name: string;
  instance: VrpInstance;
  nodeIds: number[];
  /** Vehicles named in the file (CVRPLIB "-k5"), if any. */
  vehicles: number | null;
}

/** TSPLIB `nint`: the nearest whole number, halves up. */
export const nint = (x: number) => Math.floor(x + 0.5);

/**
 * Parses a CVRPLIB `.vrp` file (EUC_2D, distances rounded to the nearest
 * whole number). `fleet`: at most this many vehicles (default: the k in the
 * name when present, else unlimited). Throws an Error naming what is wrong
 * (a negative demand names the node and the value).
 */
export function parseCvrplib(text: string, fleet?: number): ParsedInstance {
  const lines = text.split(/\r?\n/);
  const header = new Map<string, string>();
  const coords = new Map<number, [number, number]>();
  const demands = new Map<number, number>();
  let depot: number | null = null;
  let section = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line === "EOF") continue;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header.set(kv[1] as string, (kv[2] as string).trim());
      section = "";
      continue;
    }
    if (/^[A-Z_]+$/.test(line)) {
      section = line;
      continue;
    }
    const nums = line.split(/\s+/).map(Number);
    if (nums.some((x) => !Number.isFinite(x))) throw new Error(`not a number in ${section || "the header"}: "${line}"`);
    if (section === "NODE_COORD_SECTION") coords.set(nums[0] as number, [nums[1] as number, nums[2] as number]);
    else if (section === "DEMAND_SECTION") {
      if ((nums[1] as number) < 0) throw new Error(`node ${nums[0]} has a negative demand: ${nums[1]}`);
      demands.set(nums[0] as number, nums[1] as number);
    } else if (section === "DEPOT_SECTION") {
      if ((nums[0] as number) >= 0 && depot === null) depot = nums[0] as number;
    } else throw new Error(`unexpected line outside a known section: "${line}"`);
  }
  const dimension = Number(header.get("DIMENSION"));
  const capacity = Number(header.get("CAPACITY"));
  if (!Number.isInteger(dimension) || dimension < 2) throw new Error("DIMENSION is missing or not a whole number >= 2");
  if (!(capacity > 0)) throw new Error("CAPACITY is missing or not positive");
  const type = (header.get("EDGE_WEIGHT_TYPE") ?? "").trim();
  if (type !== "EUC_2D") throw new Error(`EDGE_WEIGHT_TYPE ${type || "(missing)"} is not supported (EUC_2D only)`);
  if (coords.size !== dimension)
    throw new Error(`NODE_COORD_SECTION has ${coords.size} nodes, DIMENSION says ${dimension}`);
  if (demands.size !== dimension)
    throw new Error(`DEMAND_SECTION has ${demands.size} nodes, DIMENSION says ${dimension}`);
  const depotId = depot ?? 1;
  if (!coords.has(depotId)) throw new Error(`the depot ${depotId} has no coordinates`);
  const ids = [depotId, ...[...coords.keys()].filter((id) => id !== depotId).sort((a, b) => a - b)];
  const name = header.get("NAME") ?? "";
  const k = /-k(\d+)/.exec(name);
  const named = k ? Number(k[1]) : null;
  const count = fleet ?? named ?? dimension - 1;
  const instance = instanceFromPoints({
    x: ids.map((id) => coords.get(id)?.[0] ?? 0),
    y: ids.map((id) => coords.get(id)?.[1] ?? 0),
    demand: ids.map((id, i) => (i === 0 ? 0 : (demands.get(id) ?? 0))),
    metric: (dx, dy) => nint(Math.hypot(dx, dy)),
    vehicles: [{ count, capacity, range: Number.POSITIVE_INFINITY, fixedCost: 0, costPerDistance: 1, costPerTime: 0 }],
  });
  for (let i = 1; i < ids.length; i++) {
    if ((instance.demand[i] as number) > capacity) throw new Error(`node ${ids[i]} demands more than the capacity`);
  }
  return { name, instance, nodeIds: ids, vehicles: named };
}
