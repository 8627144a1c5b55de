/** Row types of the workshop database (both dialects). Times are ISO-8601 text; flags are 0/1 integers. */
export interface FacilitatorRow {
  id: string;
  email: string;
  password_hash: string;
  created_at: string;
}

export interface AuthSessionRow {
  id: string;
  facilitator_id: string;
  expires_at: string;
}

export interface WorkshopRow {
  id: string;
  facilitator_id: string;
  code: string;
  title: string;
  lang: string;
  game: string;
  table_size: number;
  bot_level: string;
  turn_seconds: number;
  rules: string;
  /** The planner game's difficulty (1-4); unused by the quartet. */
  difficulty: number;
  /** The planner game's minutes per round (0: no timer); unused by the quartet. */
  round_minutes: number;
  status: string;
  message: string;
  created_at: string;
  ended_at: string | null;
  /** 1: nobody new may join. */
  locked: number;
  /** When the facilitator archived it; null while it is in the list. */
  archived_at: string | null;
}

export interface ParticipantRow {
  id: string;
  workshop_id: string;
  token_hash: string;
  name: string;
  role: string;
  region_phase: string;
  table_id: string | null;
  joined_at: string;
}

export interface TableRow {
  id: string;
  workshop_id: string;
  number: number;
  room_id: string;
  status: string;
  created_at: string;
  finished_at: string | null;
}

export interface ResultRow {
  id: string;
  table_id: string;
  player_key: string;
  participant_id: string | null;
  player_name: string;
  is_bot: number;
  place: number;
  quartets: number;
}

export interface PickRow {
  id: string;
  table_id: string;
  player_key: string;
  participant_id: string | null;
  player_name: string;
  theme: string;
  card: string;
  note: string;
  role: string;
  region_phase: string;
  created_at: string;
  /** The facilitator who completed the pick in the debrief; null for a player's pick. */
  completed_by: string | null;
}

export interface ServerSecretRow {
  name: string;
  value: string;
}

export interface SnapshotRow {
  table_id: string;
  /** JSON of the table's game, log, picks and seats (see server/src/workshop/snapshot.ts). */
  snapshot: string;
  updated_at: string;
}

/** One planner's result in one round of a planner table (saved when the round ends). */
export interface PlannerRoundRow {
  id: string;
  table_id: string;
  /** Seat in the region (0-based): stable across restarts, unlike the session id in `player_key`. */
  seat: number;
  player_key: string;
  participant_id: string | null;
  player_name: string;
  round: number;
  cost: number;
  km: number;
  co2_kg: number;
  late: number;
  minutes_late: number;
  unplanned: number;
  deliveries: number;
  orders: number;
  solo_cost: number;
  solo_co2_kg: number;
  score: number;
  assistant_cost: number | null;
  assistant_co2_kg: number | null;
  assistant_score: number | null;
  /** The assistant's reference plan for the same situation (the assessment's yardstick); null if it was missing. */
  reference_cost: number | null;
  reference_co2_kg: number | null;
  reference_score: number | null;
  created_at: string;
}

/** A planner's competence profile (0-100 each, null: not applicable) from the rounds that had ended when it was saved. */
export interface PlannerProfileRow {
  id: string;
  table_id: string;
  seat: number;
  player_key: string;
  participant_id: string | null;
  player_name: string;
  efficiency: number | null;
  green: number | null;
  service: number | null;
  adaptivity: number | null;
  collaboration: number | null;
  digital: number | null;
  /** Rounds ended when the profile was assessed (4: final). */
  rounds: number;
  updated_at: string;
}

/** One of a workshop's priorities: a card of its combined plan, its place in the list, who takes it on and the next step. */
export interface PriorityRow {
  workshop_id: string;
  card: string;
  position: number;
  owner: string;
  next_step: string;
  updated_at: string;
}

/**
 * A line of a workshop's log: `seat-taken` (a late joiner took the seat a bot
 * held at table `table_number`; `detail` is the bot's name) or `new-table` (a
 * late joiner opened table `table_number` with bots).
 */
export interface WorkshopEventRow {
  id: string;
  workshop_id: string;
  /** ISO-8601. */
  at: string;
  kind: string;
  participant_id: string | null;
  name: string;
  table_number: number;
  detail: string;
}

export interface Database {
  workshop_events: WorkshopEventRow;
  workshop_priorities: PriorityRow;
  planner_rounds: PlannerRoundRow;
  planner_profiles: PlannerProfileRow;
  table_snapshots: SnapshotRow;
  server_secrets: ServerSecretRow;
  facilitators: FacilitatorRow;
  auth_sessions: AuthSessionRow;
  workshops: WorkshopRow;
  participants: ParticipantRow;
  workshop_tables: TableRow;
  table_results: ResultRow;
  table_picks: PickRow;
}
