import { sql, type Kysely } from "kysely";
import { Migrator, type Migration, type MigrationProvider } from "kysely/migration";

/** Versioned migrations, applied in name order; never edit one that has shipped, add the next. */
const migrations: Record<string, Migration> = {
  "001_workshops": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("facilitators")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("auth_sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("facilitator_id", "text", (c) => c.notNull().references("facilitators.id").onDelete("cascade"))
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("workshops")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("facilitator_id", "text", (c) => c.notNull().references("facilitators.id"))
        .addColumn("code", "text", (c) => c.notNull().unique())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("lang", "text", (c) => c.notNull())
        .addColumn("game", "text", (c) => c.notNull())
        .addColumn("table_size", "integer", (c) => c.notNull())
        .addColumn("bot_level", "text", (c) => c.notNull())
        .addColumn("turn_seconds", "integer", (c) => c.notNull())
        .addColumn("rules", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("message", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("ended_at", "text")
        .execute();
      await db.schema
        .createTable("workshop_tables")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workshop_id", "text", (c) => c.notNull().references("workshops.id").onDelete("cascade"))
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("room_id", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .execute();
      await db.schema
        .createTable("participants")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workshop_id", "text", (c) => c.notNull().references("workshops.id").onDelete("cascade"))
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("region_phase", "text", (c) => c.notNull())
        .addColumn("table_id", "text", (c) => c.references("workshop_tables.id").onDelete("set null"))
        .addColumn("joined_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("table_results")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("table_id", "text", (c) => c.notNull().references("workshop_tables.id").onDelete("cascade"))
        .addColumn("player_key", "text", (c) => c.notNull())
        .addColumn("participant_id", "text")
        .addColumn("player_name", "text", (c) => c.notNull())
        .addColumn("is_bot", "integer", (c) => c.notNull())
        .addColumn("place", "integer", (c) => c.notNull())
        .addColumn("quartets", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("table_picks")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("table_id", "text", (c) => c.notNull().references("workshop_tables.id").onDelete("cascade"))
        .addColumn("player_key", "text", (c) => c.notNull())
        .addColumn("participant_id", "text")
        .addColumn("player_name", "text", (c) => c.notNull())
        .addColumn("theme", "text", (c) => c.notNull())
        .addColumn("card", "text", (c) => c.notNull())
        .addColumn("note", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("region_phase", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("participants_workshop").on("participants").column("workshop_id").execute();
      await db.schema.createIndex("tables_workshop").on("workshop_tables").column("workshop_id").execute();
      await db.schema.createIndex("picks_table").on("table_picks").column("table_id").execute();
      await db.schema.createIndex("results_table").on("table_results").column("table_id").execute();
    },
  },
  "002_server_secrets": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("server_secrets")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
    },
  },
  "003_table_snapshots": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("table_snapshots")
        .addColumn("table_id", "text", (c) => c.primaryKey().references("workshop_tables.id").onDelete("cascade"))
        .addColumn("snapshot", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  "004_planner_results": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("workshops")
        .addColumn("difficulty", "integer", (c) => c.notNull().defaultTo(2))
        .execute();
      await db.schema
        .createTable("planner_rounds")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("table_id", "text", (c) => c.notNull().references("workshop_tables.id").onDelete("cascade"))
        .addColumn("seat", "integer", (c) => c.notNull())
        .addColumn("player_key", "text", (c) => c.notNull())
        .addColumn("participant_id", "text")
        .addColumn("player_name", "text", (c) => c.notNull())
        .addColumn("round", "integer", (c) => c.notNull())
        .addColumn("cost", "double precision", (c) => c.notNull())
        .addColumn("km", "double precision", (c) => c.notNull())
        .addColumn("co2_kg", "double precision", (c) => c.notNull())
        .addColumn("late", "integer", (c) => c.notNull())
        .addColumn("minutes_late", "double precision", (c) => c.notNull())
        .addColumn("unplanned", "integer", (c) => c.notNull())
        .addColumn("deliveries", "integer", (c) => c.notNull())
        .addColumn("orders", "integer", (c) => c.notNull())
        .addColumn("solo_cost", "double precision", (c) => c.notNull())
        .addColumn("solo_co2_kg", "double precision", (c) => c.notNull())
        .addColumn("score", "double precision", (c) => c.notNull())
        .addColumn("assistant_cost", "double precision")
        .addColumn("assistant_co2_kg", "double precision")
        .addColumn("assistant_score", "double precision")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("planner_rounds_seat")
        .on("planner_rounds")
        .columns(["table_id", "round", "seat"])
        .unique()
        .execute();
      await db.schema
        .createTable("planner_profiles")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("table_id", "text", (c) => c.notNull().references("workshop_tables.id").onDelete("cascade"))
        .addColumn("seat", "integer", (c) => c.notNull())
        .addColumn("player_key", "text", (c) => c.notNull())
        .addColumn("participant_id", "text")
        .addColumn("player_name", "text", (c) => c.notNull())
        .addColumn("efficiency", "integer", (c) => c.notNull())
        .addColumn("green", "integer", (c) => c.notNull())
        .addColumn("service", "integer", (c) => c.notNull())
        .addColumn("adaptivity", "integer", (c) => c.notNull())
        .addColumn("collaboration", "integer", (c) => c.notNull())
        .addColumn("digital", "integer", (c) => c.notNull())
        .addColumn("rounds", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("planner_profiles_seat")
        .on("planner_profiles")
        .columns(["table_id", "seat"])
        .unique()
        .execute();
    },
  },
  "005_round_minutes": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("workshops")
        .addColumn("round_minutes", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  // A competence that could not be shown is stored as null ("not applicable"): the six columns become nullable;
  // every round keeps the assistant's reference plan for the same situation, the assessment's yardstick.
  "006_profiles_not_applicable": {
    async up(db: Kysely<unknown>) {
      for (const column of ["reference_cost", "reference_co2_kg", "reference_score"]) {
        await db.schema.alterTable("planner_rounds").addColumn(column, "double precision").execute();
      }
      await db.schema
        .createTable("planner_profiles_next")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("table_id", "text", (c) => c.notNull().references("workshop_tables.id").onDelete("cascade"))
        .addColumn("seat", "integer", (c) => c.notNull())
        .addColumn("player_key", "text", (c) => c.notNull())
        .addColumn("participant_id", "text")
        .addColumn("player_name", "text", (c) => c.notNull())
        .addColumn("efficiency", "integer")
        .addColumn("green", "integer")
        .addColumn("service", "integer")
        .addColumn("adaptivity", "integer")
        .addColumn("collaboration", "integer")
        .addColumn("digital", "integer")
        .addColumn("rounds", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      const columns = sql.raw(
        "id, table_id, seat, player_key, participant_id, player_name, " +
          "efficiency, green, service, adaptivity, collaboration, digital, rounds, updated_at",
      );
      await sql`insert into planner_profiles_next (${columns}) select ${columns} from planner_profiles`.execute(db);
      await db.schema.dropTable("planner_profiles").execute();
      await db.schema.alterTable("planner_profiles_next").renameTo("planner_profiles").execute();
      await db.schema
        .createIndex("planner_profiles_seat")
        .on("planner_profiles")
        .columns(["table_id", "seat"])
        .unique()
        .execute();
    },
  },
  // The facilitator's management of a workshop: locked to new joins, archived (hidden from the list).
  "007_workshop_management": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("workshops")
        .addColumn("locked", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable("workshops").addColumn("archived_at", "text").execute();
    },
  },
  // The facilitator's priorities of a workshop: cards of its combined plan with an owner and a next step, in order.
  "008_workshop_priorities": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("workshop_priorities")
        .addColumn("workshop_id", "text", (c) => c.notNull().references("workshops.id").onDelete("cascade"))
        .addColumn("card", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("owner", "text", (c) => c.notNull())
        .addColumn("next_step", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("workshop_priorities_pk", ["workshop_id", "card"])
        .execute();
    },
  },
  // A pick the facilitator completed in the debrief (a quartet nobody at the table picked): who completed it.
  "009_pick_completed_by": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("table_picks").addColumn("completed_by", "text").execute();
    },
  },
  // The workshop's log of what happened to its participants (a late joiner taking a bot's seat or a new table).
  "010_workshop_events": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("workshop_events")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workshop_id", "text", (c) => c.notNull().references("workshops.id").onDelete("cascade"))
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("participant_id", "text")
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("table_number", "integer", (c) => c.notNull())
        .addColumn("detail", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("workshop_events_workshop")
        .on("workshop_events")
        .columns(["workshop_id", "at"])
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the newest schema version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`database migration ${failed} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
