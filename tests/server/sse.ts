/**
 * A small server-sent events reader for the tests: opens a stream with
 * fetch (so it can send a cookie), parses events and comments as they come,
 * and waits for an event that fits a predicate.
 */

/** One event as it arrived. */
export interface StreamEvent {
  event: string;
  data: unknown;
}

/** An open event stream. */
export interface EventStream {
  status: number;
  contentType: string;
  /** Every event so far, in order. */
  events: StreamEvent[];
  /** Comment lines so far (the heartbeat). */
  comments: string[];
  /** The `retry:` the server asked for, if any. */
  retry: number | null;
  /** Resolves with the data of the first event `event` (so far or to come) for which `ok` holds. */
  waitFor<T>(event: string, ok: (data: T) => boolean, ms?: number, what?: string): Promise<T>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `url` as an event stream with `headers`; a refused stream has its status and no events. */
export async function openStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
  const events: StreamEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let retry: number | null = null;
  let ended!: () => void;
  const endedPromise = new Promise<void>((resolve) => (ended = resolve));

  const block = (text: string) => {
    let event = "message";
    const data: string[] = [];
    for (const line of text.split("\n")) {
      if (line.startsWith(":")) comments.push(line.slice(1).trim());
      else if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      else if (line.startsWith("retry:")) retry = Number(line.slice(6).trim());
    }
    if (data.length > 0) events.push({ event, data: JSON.parse(data.join("\n")) as unknown });
    for (const w of [...waiters]) w();
  };

  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            block(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // aborted
      }
      ended();
    })();
  } else {
    await res.body?.cancel().catch(() => undefined);
    ended();
  }

  return {
    status: res.status,
    contentType: res.headers.get("content-type") ?? "",
    events,
    comments,
    get retry() {
      return retry;
    },
    ended: endedPromise,
    waitFor<T>(event: string, ok: (data: T) => boolean, ms = 10_000, what = event) {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const hit = events.find((e) => e.event === event && ok(e.data as T));
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit.data as T);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${what}: no such event within ${ms} ms (${events.length} events so far)`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}

/** Every key of `value` and of everything inside it, with the path to it. */
export function keyPaths(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyPaths(v, `${path}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [`${path}.${k}`, ...keyPaths(v, `${path}.${k}`)]);
}
