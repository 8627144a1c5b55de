// Entry of the solver's worker thread while the server runs from its TypeScript sources (tsx, Vitest):
// registers tsx so they load, then starts the worker. The built server uses dist/server/worker.js instead.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
