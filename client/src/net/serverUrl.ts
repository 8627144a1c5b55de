/**
 * Where the game server is: `VITE_SERVER_URL` when set at build time (e.g.
 * `ws://localhost:2567` for the Vite dev server), else in development the
 * game server's default port on the same host, else the page's own host,
 * since the server serves the client and the WebSocket on one port.
 */
export function serverUrl(): string {
  const configured = import.meta.env.VITE_SERVER_URL as string | undefined;
  if (configured) return configured;
  // The Vite dev server (hot reload) runs on its own port; the game server on its default one.
  if (import.meta.env.DEV) return `ws://${location.hostname}:2567`;
  const secure = location.protocol === "https:";
  return `${secure ? "wss" : "ws"}://${location.host}`;
}
