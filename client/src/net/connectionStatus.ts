/** What a room connection (a quartet table or a planner region) is doing; the screens show it. */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "lost";
