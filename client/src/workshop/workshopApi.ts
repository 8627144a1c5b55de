/**
 * The workshop HTTP API as the browser uses it: the facilitator's calls
 * (session cookie) and the participant's join and lobby (bearer token), and
 * the event streams that push the facilitator's overview and the
 * participant's lobby. Every answer is checked with its schema from
 * `@iot/shared/workshop/responses` (loaded with the first call, so the first
 * screen stays light). Errors arrive as {@link ApiFailure} with the sentence
 * in the chosen language.
 */
import type { z } from "zod";
import { apiErrorTexts } from "@iot/shared/i18n/api";
import { API_ERRORS, type ApiErrorCode } from "@iot/shared/workshop/constants";
import type { WorkshopInput } from "@iot/shared/workshop/api";
import type * as ResponseSchemas from "@iot/shared/workshop/responses";
import type {
  Debrief,
  Joined,
  Lobby,
  LobbyTicket,
  Me,
  Overview,
  OverviewTable,
  SignedIn,
  SignedOut,
  WorkshopDeleted,
  WorkshopInfo,
  WorkshopListItem,
} from "@iot/shared/workshop/responses";
import { lang } from "../i18n/index.js";
import { serverUrl } from "../net/serverUrl.js";

export type { Debrief, Lobby, Overview, OverviewTable, WorkshopInfo, WorkshopListItem };

type Responses = typeof ResponseSchemas;
let responses: Promise<Responses> | null = null;
/** The answers' schemas (with zod), loaded once, on the first call. */
function schemas(): Promise<Responses> {
  responses ??= import("@iot/shared/workshop/responses").catch((e: unknown) => {
    responses = null;
    throw e;
  });
  return responses;
}
/** Picks the schema of one answer. */
type SchemaOf<T> = (r: Responses) => z.ZodType<T>;

/** A refused API call, with a sentence to show (and NAME_TAKEN's free name, `suggestion`). */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly suggestion?: string,
  ) {
    super(message);
  }
}

const noConnection = () =>
  new ApiFailure("NETWORK", lang() === "en" ? "No connection to the server." : "Geen verbinding met de server.");

/** The HTTP origin of the game server: the page's own (the dev server proxies `/api`), or the configured server. */
export function apiBase(): string {
  if (import.meta.env.VITE_SERVER_URL) return serverUrl().replace(/^ws/, "http");
  return "";
}

async function call<T>(method: string, path: string, pick: SchemaOf<T>, body?: unknown, token?: string): Promise<T> {
  let res: Response;
  let r: Responses;
  try {
    [res, r] = await Promise.all([
      fetch(`${apiBase()}/api${path}`, {
        method,
        credentials: "include",
        headers: {
          "content-type": "application/json",
          "accept-language": lang(),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      schemas(),
    ]);
  } catch {
    throw noConnection();
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const refused = r.apiErrorSchema.safeParse(data);
    const code = refused.success ? refused.data.code : "SERVER_ERROR";
    const known = (API_ERRORS as readonly string[]).includes(code);
    const message = refused.success ? refused.data.message : code;
    const suggestion = refused.success ? refused.data.suggestion : undefined;
    const text = known
      ? apiErrorTexts[lang()][code as ApiErrorCode].replace("{suggestion}", suggestion ?? "")
      : message;
    throw new ApiFailure(code, text, suggestion);
  }
  const parsed = pick(r).safeParse(data);
  if (!parsed.success) {
    console.warn(`the answer to ${method} ${path} does not fit its schema`, parsed.error.issues);
    throw new ApiFailure(
      "BAD_ANSWER",
      lang() === "en" ? "The server's answer was not understood." : "Het antwoord van de server is onleesbaar.",
    );
  }
  return parsed.data;
}

/** What a followed stream tells its screen. */
export interface StreamHandlers<T> {
  /** A new state, pushed by the server (checked with its schema). */
  state(value: T): void;
  /** The stream is open (again): the moment to fetch the state once, in case something was missed. */
  opened(): void;
  /** The stream dropped (the browser reconnects it), could not be opened or was refused (another attempt follows). */
  failed(error: unknown): void;
}

/** Wait before a refused stream is opened anew (the browser reconnects a dropped one by itself, ms). */
const REOPEN_MS = 5_000;

/**
 * Follows the server-sent events `event` at the URL `href` gives (asked
 * anew for every fresh stream): the browser's EventSource reconnects a
 * dropped stream by itself; a stream the server refuses (signed out, an
 * expired ticket) is opened anew after {@link REOPEN_MS}. Returns a function
 * that stops following.
 */
function follow<T>(href: () => Promise<string>, event: string, pick: SchemaOf<T>, on: StreamHandlers<T>): () => void {
  let stopped = false;
  let timer = 0;
  let source: EventSource | null = null;
  const again = (error: unknown) => {
    if (stopped) return;
    on.failed(error);
    timer = window.setTimeout(() => void connect(), REOPEN_MS);
  };
  const connect = async () => {
    let url: string;
    let r: Responses;
    try {
      [url, r] = await Promise.all([href(), schemas()]);
    } catch (e) {
      return again(e);
    }
    if (stopped) return;
    const es = new EventSource(url, { withCredentials: true });
    source = es;
    es.addEventListener("open", () => on.opened());
    es.addEventListener(event, (m) => {
      let data: unknown;
      try {
        data = JSON.parse((m as MessageEvent<string>).data);
      } catch {
        return;
      }
      const parsed = pick(r).safeParse(data);
      if (parsed.success) on.state(parsed.data);
      else console.warn(`a pushed ${event} does not fit its schema`, parsed.error.issues);
    });
    es.addEventListener("error", () => {
      if (stopped || source !== es) return;
      // CONNECTING: the connection dropped and the browser reconnects by itself; CLOSED: refused.
      if (es.readyState !== EventSource.CLOSED) return on.failed(noConnection());
      source = null;
      again(noConnection());
    });
  };
  void connect();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
    source?.close();
    source = null;
  };
}

/** The facilitator's side. */
export const facilitatorApi = {
  me: () => call<Me>("GET", "/auth/me", (r) => r.meSchema),
  login: (email: string, password: string) =>
    call<SignedIn>("POST", "/auth/login", (r) => r.signedInSchema, { email, password }),
  logout: () => call<SignedOut>("POST", "/auth/logout", (r) => r.signedOutSchema),
  /** The facilitator's workshops with what each holds; the archived ones only with `archived`. */
  workshops: (archived = false) =>
    call<WorkshopListItem[]>("GET", `/workshops${archived ? "?archived=1" : ""}`, (r) => r.workshopListSchema),
  rename: (id: string, title: string) =>
    call<WorkshopInfo>("PATCH", `/workshops/${id}`, (r) => r.workshopInfoSchema, { title }),
  archive: (id: string, archived: boolean) =>
    call<WorkshopInfo>("PATCH", `/workshops/${id}`, (r) => r.workshopInfoSchema, { archived }),
  /** A new workshop with the same settings and a new code. */
  duplicate: (id: string) => call<WorkshopInfo>("POST", `/workshops/${id}/duplicate`, (r) => r.workshopInfoSchema),
  /** Deletes the workshop with its tables, participants and results; answers what went. */
  remove: (id: string) => call<WorkshopDeleted>("DELETE", `/workshops/${id}`, (r) => r.workshopDeletedSchema),
  /** Locks the workshop to new participants, or opens it again to them. */
  lock: (id: string, locked: boolean) =>
    call<Overview>("POST", `/workshops/${id}/${locked ? "lock" : "unlock"}`, overview),
  /** Opens an ended workshop again. */
  reopen: (id: string) => call<Overview>("POST", `/workshops/${id}/reopen`, overview),
  /** Removes a participant: a bot takes their seat, their token stops working. */
  removeParticipant: (id: string, participantId: string) =>
    call<Overview>("DELETE", `/workshops/${id}/participants/${participantId}`, overview),
  create: (input: Partial<WorkshopInput>) =>
    call<WorkshopInfo>("POST", "/workshops", (r) => r.workshopInfoSchema, input),
  overview: (id: string) => call<Overview>("GET", `/workshops/${id}`, overview),
  formTables: (id: string) => call<Overview>("POST", `/workshops/${id}/tables/form`, overview),
  move: (id: string, participantId: string, tableNumber: number) =>
    call<Overview>("POST", `/workshops/${id}/move`, overview, { participantId, tableNumber }),
  startTable: (id: string, tableId: string) =>
    call<Overview>("POST", `/workshops/${id}/tables/${tableId}/start`, overview),
  startAll: (id: string) => call<Overview>("POST", `/workshops/${id}/start`, overview),
  /** Planner workshops: ends the round under way at every table, or starts the next one. */
  nextRound: (id: string) => call<Overview>("POST", `/workshops/${id}/next`, overview, {}),
  pause: (id: string) => call<Overview>("POST", `/workshops/${id}/pause`, overview),
  resume: (id: string) => call<Overview>("POST", `/workshops/${id}/resume`, overview),
  message: (id: string, text: string) => call<Overview>("POST", `/workshops/${id}/message`, overview, { text }),
  endTable: (id: string, tableId: string) => call<Overview>("POST", `/workshops/${id}/tables/${tableId}/end`, overview),
  end: (id: string) => call<Overview>("POST", `/workshops/${id}/end`, overview),
  debrief: (id: string) => call<Debrief>("GET", `/workshops/${id}/debrief`, (r) => r.debriefSchema),
  /** Replaces the workshop's priorities (cards of its combined plan with an owner and a next step); answers the list as stored. */
  priorities: (id: string, priorities: Debrief["priorities"]) =>
    call<{ priorities: Debrief["priorities"] }>("PUT", `/workshops/${id}/priorities`, (r) => r.prioritiesSchema, {
      priorities,
    }),
  /** Completes the missing pick of quartet `theme` at a table that stopped playing; answers the pick as stored. */
  completePick: (id: string, tableId: string, theme: string, card: string, note: string) =>
    call<{ pick: Debrief["tables"][number]["plan"][number] }>(
      "PUT",
      `/workshops/${id}/tables/${tableId}/picks/${theme}`,
      (r) => r.completedPickSchema,
      { card, note },
    ),
  fileUrl: (id: string, file: "export.csv" | "report.pdf" | "qr.svg") => `${apiBase()}/api/workshops/${id}/${file}`,
  /** Follows the workshop's overview as the server pushes it (session cookie). Returns a function that stops. */
  follow: (id: string, on: StreamHandlers<Overview>) =>
    follow(async () => `${apiBase()}/api/workshops/${id}/events`, "overview", overview, on),
};

function overview(r: Responses): z.ZodType<Overview> {
  return r.overviewSchema;
}

/** The participant's side. */
export const participantApi = {
  join: (code: string, name: string, role?: string, phase?: string) =>
    call<Joined>("POST", "/join", (r) => r.joinedSchema, {
      code,
      name,
      ...(role ? { role } : {}),
      ...(phase ? { phase } : {}),
    }),
  lobby: (token: string) => call<Lobby>("GET", "/lobby", (r) => r.lobbySchema, undefined, token),
  /** Someone who arrived after the tables started takes the seat a bot plays at table `table` (its id), or a new table. */
  seatLate: (token: string, table?: string) =>
    call<Lobby>("POST", "/lobby/seat", (r) => r.lobbySchema, table ? { table } : {}, token),
  /** A short-lived ticket that opens the lobby's stream (an EventSource cannot send the token). */
  ticket: (token: string) => call<LobbyTicket>("POST", "/lobby/ticket", (r) => r.lobbyTicketSchema, undefined, token),
  /** Follows the participant's lobby as the server pushes it. Returns a function that stops. */
  follow: (token: string, on: StreamHandlers<Lobby>) =>
    follow(
      async () =>
        `${apiBase()}/api/lobby/events?ticket=${encodeURIComponent((await participantApi.ticket(token)).ticket)}`,
      "lobby",
      (r) => r.lobbySchema,
      on,
    ),
};
