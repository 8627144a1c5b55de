import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Db } from "../../../server/src/db/database.js";

/** PostgreSQL for tests: TEST_DATABASE_URL, or the local server this project's machines run. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDb {
  db: Db;
  /** Options that reopen the same database (a restart). */
  reopen: () => Promise<Db>;
  cleanup: () => Promise<void>;
}

/** A fresh, migrated database of the given dialect: a temp SQLite file, or its own PostgreSQL schema. */
export async function freshDatabase(dialect: "sqlite" | "postgres"): Promise<TestDb> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "iot-db-"));
    const db = await openDatabase({ dataDir: dir });
    return {
      db,
      reopen: () => openDatabase({ dataDir: dir }),
      cleanup: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema });
  return {
    db,
    reopen: () => openDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema }),
    cleanup: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
