// Entry of the solver's worker thread: registers tsx so the TypeScript sources load, then starts the worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
