import type { EventEmitter } from "node:events";
import { logger } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";

/** Largest WebSocket frame a client may send (bytes); larger frames close the connection. */
export const MAX_FRAME_BYTES = 64 * 1024;

/** The WebSocket close code of a frame over the limit (RFC 6455, 1009 "message too big"). */
export const FRAME_TOO_BIG_CLOSE = 1009;

/** An error the `ws` library raises for a frame it refuses (its codes start with `WS_ERR_`), not a fault of the server. */
function isRefusedFrame(e: unknown): e is Error & { code: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === "string" && code.startsWith("WS_ERR_");
}

/**
 * The one line the server logs when it refuses a client's frame: why, and the
 * close it sends (`ws` closes the socket itself: 1009 for a frame over the
 * limit, 1002 for a broken frame).
 */
export function refusedFrameLine(e: Error & { code: string }): string {
  const too = e.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH";
  return too
    ? `a client sent a WebSocket frame over ${MAX_FRAME_BYTES} bytes: connection closed (${FRAME_TOO_BIG_CLOSE})`
    : `a client sent a WebSocket frame the server refuses (${e.code}: ${e.message}): connection closed`;
}

/**
 * Colyseus' WebSocket transport with frames of at most {@link MAX_FRAME_BYTES}.
 * A frame over it closes the connection as `ws` does (1009; the seat then
 * waits for a reconnection like any drop) and the log gets one line instead
 * of the transport's stack trace; any other socket error is logged as before.
 */
export class FrameLimitedTransport extends WebSocketTransport {
  constructor() {
    super({ maxPayload: MAX_FRAME_BYTES });
    // Runs after the transport's own handler, which has put its error listener on the socket.
    this.wss.on("connection", (socket: EventEmitter) => quietRefusedFrames(socket));
  }
}

/** Replaces a socket's error listeners by one that logs a refused frame as one line and passes other errors on. */
function quietRefusedFrames(socket: EventEmitter): void {
  const before = socket.listeners("error") as ((e: unknown) => void)[];
  socket.removeAllListeners("error");
  socket.on("error", (e: unknown) => {
    if (isRefusedFrame(e)) logger.warn(refusedFrameLine(e));
    else for (const listener of before) listener.call(socket, e);
  });
}
