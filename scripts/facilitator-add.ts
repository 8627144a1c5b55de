/**
 * Creates a facilitator account in the workshop database (DATABASE_URL, or
 * the SQLite file in DATA_DIR, default ./data).
 * Usage: npm run facilitator:add -- --email ann@example.org [--password SECRET]
 * Without --password, FACILITATOR_PASSWORD is used.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@iot/shared/workshop/api";
import { openDatabase } from "../server/src/db/database.js";
import { WorkshopStore } from "../server/src/db/store.js";
import { hashPassword } from "../server/src/workshop/auth.js";

const { values } = parseArgs({ options: { email: { type: "string" }, password: { type: "string" } } });
const email = z
  .string()
  .trim()
  .toLowerCase()
  .email()
  .safeParse(values.email ?? "");
const password = values.password ?? process.env.FACILITATOR_PASSWORD ?? "";

if (!email.success) {
  console.error("facilitator:add: --email must be an email address");
  process.exit(2);
}
if (password.length < MIN_PASSWORD_LENGTH) {
  console.error(
    `facilitator:add: the password needs at least ${MIN_PASSWORD_LENGTH} characters (--password or FACILITATOR_PASSWORD)`,
  );
  process.exit(2);
}

const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? "data" });
try {
  const store = new WorkshopStore(db);
  if (await store.facilitatorByEmail(email.data)) {
    console.error(`facilitator:add: ${email.data} already has an account`);
    process.exitCode = 1;
  } else {
    await store.addFacilitator(email.data, await hashPassword(password));
    console.log(`facilitator ${email.data} added`);
  }
} finally {
  await db.destroy();
}
