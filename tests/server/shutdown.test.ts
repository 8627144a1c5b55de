import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@colyseus/sdk";
import { describe, expect, it } from "vitest";
import { waitForState, type ClientState } from "./harness.js";

const PORT = 2615;

describe("SIGTERM", () => {
  it("closes every table with a shutdown code, closes the database and exits cleanly", async () => {
    const child = spawn(
      process.execPath,
      ["--disable-warning=ExperimentalWarning", "--import", "tsx", "server/src/main.ts"],
      {
        env: {
          ...process.env,
          PORT: String(PORT),
          DATA_DIR: mkdtempSync(path.join(tmpdir(), "iot-term-")),
          QUARTET_BOT_DELAY_MS: "50",
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    for (
      let i = 0;
      i < 200 &&
      !(await fetch(`http://127.0.0.1:${PORT}/health`)
        .then((r) => r.ok)
        .catch(() => false));
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const client = new Client(`ws://127.0.0.1:${PORT}`);
    const room = await client.create<ClientState>("quartet", { name: "Sam", seats: 3, bots: 2 });
    room.reconnection.enabled = false;
    room.send("start", {});
    await waitForState(room, (s) => s.phase === "playing");
    const left = new Promise<number>((resolve) => room.onLeave((code) => resolve(code)));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await left).toBe(4001);
    expect(await exited).toBe(0);
    expect(out).toContain("stopped cleanly");
    await expect(fetch(`http://127.0.0.1:${PORT}/health`)).rejects.toThrow();
  });
});
