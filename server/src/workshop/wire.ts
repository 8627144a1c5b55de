/**
 * The one place where database rows become the workshop API's answers: every
 * snake_case column is mapped here to the camelCase shapes of
 * `@iot/shared/workshop/responses` (and the debrief's), and internal columns
 * (the facilitator's id, token hashes, ...) stay behind.
 */
import type { Lang } from "@iot/shared/protocol";
import { BOT_LEVELS } from "@iot/shared/quartet/bots/index";
import {
  quartetRulesSchema,
  TABLE_STATUSES,
  WORKSHOP_STATUSES,
  type Joined,
  type Lobby,
  type OverviewTable,
  type ParticipantLine,
  type QuartetRules,
  type TableStatus,
  type TableSummary,
  type WorkshopGame,
  type WorkshopInfo,
  type WorkshopStatus,
} from "@iot/shared/workshop/api";
import type { Debrief, DebriefPick } from "@iot/shared/workshop/debrief";
import type { PlannerDebriefLine, PlannerRoundLine } from "@iot/shared/workshop/plannerDebrief";
import type {
  ParticipantRow,
  PickRow,
  PlannerProfileRow,
  PlannerRoundRow,
  ResultRow,
  TableRow,
  WorkshopRow,
} from "../db/schema.js";

/** `value` if it is one of `known`, else `fallback` (columns hold only values the server wrote). */
function oneOf<T extends string>(known: readonly T[], value: string, fallback: T): T {
  return (known as readonly string[]).includes(value) ? (value as T) : fallback;
}

const langOf = (w: Pick<WorkshopRow, "lang">): Lang => (w.lang === "en" ? "en" : "nl");
const gameOf = (w: Pick<WorkshopRow, "game">): WorkshopGame => (w.game === "planner" ? "planner" : "quartet");
const statusOf = (w: Pick<WorkshopRow, "status">): WorkshopStatus => oneOf(WORKSHOP_STATUSES, w.status, "lobby");
const tableStatusOf = (t: Pick<TableRow, "status">): TableStatus => oneOf(TABLE_STATUSES, t.status, "forming");

/** The house rules stored as JSON text, checked with zod; rules it cannot read count as none. */
export function rulesOf(json: string): QuartetRules {
  try {
    const parsed = quartetRulesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** A workshop as its facilitator sees it (the list, a new workshop, the overview's head). */
export function workshopInfo(w: WorkshopRow): WorkshopInfo {
  return {
    id: w.id,
    code: w.code,
    title: w.title,
    lang: langOf(w),
    game: gameOf(w),
    status: statusOf(w),
    message: w.message,
    tableSize: w.table_size,
    botLevel: oneOf(BOT_LEVELS, w.bot_level, "medium"),
    turnSeconds: w.turn_seconds,
    rules: rulesOf(w.rules),
    difficulty: w.difficulty,
    roundMinutes: w.round_minutes,
    createdAt: w.created_at,
    endedAt: w.ended_at,
    locked: w.locked === 1,
    archivedAt: w.archived_at ?? null,
  };
}

/** A participant as the facilitator sees them. */
export function participantLine(p: ParticipantRow): ParticipantLine {
  return { id: p.id, name: p.name, role: p.role, phase: p.region_phase };
}

/** A participant of the overview's list: with the table they sit at, if any. */
export function overviewParticipant(p: ParticipantRow): ParticipantLine & { tableId: string | null } {
  return { ...participantLine(p), tableId: p.table_id };
}

/** A table of the overview: the participants seated at it and its live summary. */
export function overviewTable(
  t: TableRow,
  participants: readonly ParticipantRow[],
  live: TableSummary | null,
): OverviewTable {
  return {
    id: t.id,
    number: t.number,
    status: tableStatusOf(t),
    roomId: t.room_id,
    participants: participants.filter((p) => p.table_id === t.id).map(participantLine),
    live,
  };
}

/** A participant's lobby: names only of everyone else, their table once there is one. */
export function lobbyOf(
  workshop: WorkshopRow,
  participant: ParticipantRow,
  everyone: readonly ParticipantRow[],
  table: TableRow | undefined,
): Lobby {
  return {
    workshop: {
      title: workshop.title,
      lang: langOf(workshop),
      status: statusOf(workshop),
      message: workshop.message,
      game: gameOf(workshop),
    },
    participant: { id: participant.id, name: participant.name },
    present: everyone.map((p) => p.name),
    tablemates: table
      ? everyone.filter((p) => p.table_id === table.id && p.id !== participant.id).map((p) => p.name)
      : [],
    table: table ? { number: table.number, status: tableStatusOf(table), roomId: table.room_id } : null,
  };
}

/** The answer to a participant's join: their secret token, their id, and the workshop's title and language. */
export function joinedAnswer(token: string, participant: ParticipantRow, workshop: WorkshopRow): Joined {
  return { token, participantId: participant.id, workshop: { title: workshop.title, lang: langOf(workshop) } };
}

/** What the debrief says about the workshop itself. */
export function debriefWorkshop(w: WorkshopRow): Debrief["workshop"] {
  return { id: w.id, title: w.title, code: w.code, lang: langOf(w), status: statusOf(w), game: gameOf(w) };
}

/** A table's number and status in the debrief. */
export function debriefTable(t: TableRow): Pick<Debrief["tables"][number], "number" | "status"> {
  return { number: t.number, status: tableStatusOf(t) };
}

/** A line of a quartet table's ranking. */
export function rankingLine(r: ResultRow): Debrief["tables"][number]["ranking"][number] {
  return { name: r.player_name, place: r.place, quartets: r.quartets, isBot: r.is_bot === 1 };
}

/** A pick of table `table` as the debrief shows it. */
export function debriefPick(p: PickRow, table: number): DebriefPick {
  return {
    table,
    name: p.player_name,
    theme: p.theme,
    card: p.card,
    note: p.note,
    role: p.role,
    phase: p.region_phase,
    ...(p.completed_by ? { byFacilitator: true } : {}),
  };
}

/** One planner's stored round (its place is worked out over the table). */
export function plannerRoundLine(r: PlannerRoundRow): Omit<PlannerRoundLine, "place"> {
  return {
    round: r.round,
    cost: r.cost,
    km: r.km,
    co2Kg: r.co2_kg,
    late: r.late,
    minutesLate: r.minutes_late,
    unplanned: r.unplanned,
    deliveries: r.deliveries,
    orders: r.orders,
    score: r.score,
    assistantCost: r.assistant_cost,
    assistantCo2Kg: r.assistant_co2_kg,
    assistantScore: r.assistant_score,
    referenceCost: r.reference_cost ?? null,
    referenceCo2Kg: r.reference_co2_kg ?? null,
    referenceScore: r.reference_score ?? null,
  };
}

/** A planner's stored competence profile. */
export function competenceProfile(p: PlannerProfileRow): NonNullable<PlannerDebriefLine["profile"]> {
  return {
    efficiency: p.efficiency,
    green: p.green,
    service: p.service,
    adaptivity: p.adaptivity,
    collaboration: p.collaboration,
    digital: p.digital,
  };
}
