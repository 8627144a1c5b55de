import { spawn, type ChildProcess } from "node:child_process";

/**
 * Starts the real server (`server/src/main.ts`) as a child process on `port`
 * with `env` on top of this process's environment, and resolves once its
 * `/health` answers (at most 20 s). Its stderr is this test's.
 */
export async function startServerProcess(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const c = spawn(
    process.execPath,
    ["--disable-warning=ExperimentalWarning", "--import", "tsx", "server/src/main.ts"],
    { env: { ...process.env, PORT: String(port), ...env }, stdio: ["ignore", "ignore", "inherit"] },
  );
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return c;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

/**
 * A JSON client of the server's `/api` on `port` that keeps its session
 * cookie between calls (a facilitator's or a participant's browser);
 * `token` is sent as a bearer token.
 */
export function apiClient(port: number) {
  let cookie = "";
  return async (method: string, p: string, body?: unknown, token?: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/api${p}`, {
      method,
      headers: { "content-type": "application/json", cookie, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0] ?? "";
    return (await res.json()) as Record<string, unknown>;
  };
}
