import { mkdirSync } from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { migrateToLatest } from "./migrations.js";
import type { Database } from "./schema.js";
import { openSqlite } from "./sqlite.js";

export type Db = Kysely<Database>;

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; empty selects the embedded SQLite file. */
  databaseUrl?: string;
  /** Folder of the SQLite file (created when missing). */
  dataDir?: string;
  /** PostgreSQL schema to use (tests isolate themselves with one). */
  pgSchema?: string;
}

/**
 * Opens the workshop database and migrates it to the newest version:
 * PostgreSQL when `databaseUrl` is set, else SQLite at `dataDir/innovation-on-track.sqlite`.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  let db: Db;
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    const dir = options.dataDir ?? "data";
    mkdirSync(dir, { recursive: true });
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: openSqlite(path.join(dir, "innovation-on-track.sqlite")) }),
    });
  }
  await migrateToLatest(db as unknown as Kysely<unknown>);
  return db;
}
