import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Values node:sqlite binds; booleans become 0/1, dates ISO text. */
function bindable(value: unknown): SQLInputValue {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value as SQLInputValue;
}

/**
 * Opens an SQLite file with Node's built-in driver (node:sqlite) in the shape
 * Kysely's SqliteDialect expects, so no native addon has to be compiled.
 * WAL journal and foreign keys are switched on.
 */
export function openSqlite(file: string): SqliteDatabase {
  const db = new DatabaseSync(file);
  db.exec("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const statement = db.prepare(sql);
      const params = (p: ReadonlyArray<unknown>) => p.map(bindable);
      return {
        reader: statement.columns().length > 0,
        all: (p) => statement.all(...params(p)),
        run: (p) => {
          const r = statement.run(...params(p));
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
        iterate: (p) => statement.iterate(...params(p)) as IterableIterator<unknown>,
      };
    },
  };
}
