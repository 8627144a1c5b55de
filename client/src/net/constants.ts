/**
 * Protocol constants the client needs at run time, kept here so the browser
 * bundle never pulls in the server-side validation (zod) of
 * `shared/src/protocol.ts`. The types come from there; the checks below fail
 * to compile when a list here misses a value of the shared type.
 */
import type { Lang, RegionPhase, Role } from "@iot/shared/protocol";
import type { BotLevel } from "@iot/shared/quartet/bots/index";

export type { Lang, RegionPhase, Role, BotLevel };

/** Room name of the quartet (protocol). */
export const QUARTET_ROOM = "quartet";

/** Room name of the planner game (docs/planner-game.md). */
export const PLANNER_ROOM = "planner";

export const LANGS = ["nl", "en"] as const satisfies readonly Lang[];
export const ROLES = ["entrepreneur", "government", "intermediary", "knowledge"] as const satisfies readonly Role[];
export const REGION_PHASES = ["aware", "exchanging", "activities", "funding"] as const satisfies readonly RegionPhase[];
export const BOT_LEVELS = ["easy", "medium", "hard"] as const satisfies readonly BotLevel[];

/** Longest display name (protocol) and longest note on a pick (addition). */
export const MAX_NAME_LENGTH = 24;
export const MAX_NOTE_LENGTH = 280;

type Complete<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
/** Compile-time proof that the lists above are complete. */
export const LISTS_COMPLETE: [
  Complete<Lang, (typeof LANGS)[number]>,
  Complete<Role, (typeof ROLES)[number]>,
  Complete<RegionPhase, (typeof REGION_PHASES)[number]>,
  Complete<BotLevel, (typeof BOT_LEVELS)[number]>,
] = [true, true, true, true];
