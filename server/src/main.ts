import { randomBytes } from "node:crypto";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Redis } from "ioredis";
import { createGameServer } from "./app.js";
import { httpConfigFromEnv, plannerConfigFromEnv, quartetConfigFromEnv } from "./config.js";
import { openDatabase } from "./db/database.js";
import { WorkshopStore } from "./db/store.js";
import { WorkshopService } from "./workshop/service.js";

const port = Number(process.env.PORT ?? 2567);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}

try {
  const http = httpConfigFromEnv();
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? "data" });
  const store = new WorkshopStore(db);
  // Every process on this database opens workshop tables with the same key.
  const serverKey = await store.secret("workshop-table-key", randomBytes(24).toString("base64url"));
  const startAfterMs = Number(process.env.WORKSHOP_START_AFTER_MS ?? 30_000);
  const service = new WorkshopService(store, serverKey, startAfterMs);
  const redis = process.env.REDIS_URL;
  const server = createGameServer({
    quartet: quartetConfigFromEnv(),
    planner: plannerConfigFromEnv(),
    http,
    workshops: { service, serverKey },
    // With Redis, the join and sign-in throttles count in it too, so every process sees the same failures.
    ...(redis
      ? {
          presence: new RedisPresence(redis),
          driver: new RedisDriver(redis),
          throttles: { kind: "redis", client: new Redis(redis, { enableOfflineQueue: false }) } as const,
        }
      : {}),
    ...(process.env.PUBLIC_ADDRESS ? { publicAddress: process.env.PUBLIC_ADDRESS } : {}),
  });
  // SIGTERM/SIGINT: Colyseus stops taking joins, closes every room (clients are told the server shuts down),
  // rooms finish their writes while they dispose; then the database closes and the process exits.
  server.onShutdown(async () => {
    await db.destroy();
    console.log("Innovation on Track: stopped cleanly");
  });
  await server.listen(port);
  const restored = await service.restoreTables();
  console.log(
    `Innovation on Track: http://localhost:${port}/ (health: /health)${restored ? `; ${restored} table(s) restored` : ""}`,
  );
} catch (error) {
  console.error(`server: ${(error as Error).message}`);
  process.exit(1);
}
