/**
 * Writes the planner game's map (assets/maps/north-netherlands.json) from the
 * world-atlas package. Run after upgrading world-atlas: `npm run build:map`.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deriveMap } from "./mapData.js";

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "assets", "maps", "north-netherlands.json");
const json = JSON.stringify(deriveMap());
writeFileSync(out, `${json}\n`);
console.log(`${out}: ${json.length} bytes`);
