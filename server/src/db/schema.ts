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
  status: string;
  message: string;
  created_at: string;
  ended_at: string | null;
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

export interface Database {
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
