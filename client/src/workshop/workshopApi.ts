/**
 * The workshop HTTP API as the browser uses it: the facilitator's calls
 * (session cookie) and the participant's join and lobby (bearer token).
 * Errors arrive as {@link ApiFailure} with the sentence in the chosen language.
 */
import { apiErrorTexts } from "@iot/shared/i18n/api";
import { API_ERRORS, type ApiErrorCode, type TableSummary } from "@iot/shared/workshop/constants";
import type { WorkshopInput } from "@iot/shared/workshop/api";
import type { Debrief } from "@iot/shared/workshop/debrief";

export type { Debrief };
import { lang } from "../i18n/index.js";
import { serverUrl } from "../net/serverUrl.js";

/** A refused API call, with a sentence to show. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The HTTP origin of the game server: the page's own (the dev server proxies `/api`), or the configured server. */
export function apiBase(): string {
  if (import.meta.env.VITE_SERVER_URL) return serverUrl().replace(/^ws/, "http");
  return "";
}

async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${apiBase()}/api${path}`, {
      method,
      credentials: "include",
      headers: {
        "content-type": "application/json",
        "accept-language": lang(),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(
      "NETWORK",
      lang() === "en" ? "No connection to the server." : "Geen verbinding met de server.",
    );
  }
  const data = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!res.ok) {
    const code = data.code ?? "SERVER_ERROR";
    const known = (API_ERRORS as readonly string[]).includes(code);
    throw new ApiFailure(code, known ? apiErrorTexts[lang()][code as ApiErrorCode] : (data.message ?? code));
  }
  return data as T;
}

export interface WorkshopSummary {
  id: string;
  code: string;
  title: string;
  lang: string;
  status: string;
  table_size: number;
  bot_level: string;
  created_at: string;
}

export interface Overview {
  workshop: WorkshopSummary & { message: string };
  participants: { id: string; name: string; role: string; phase: string; tableId: string | null }[];
  tables: {
    id: string;
    number: number;
    status: string;
    roomId: string;
    participants: { id: string; name: string }[];
    live: TableSummary | null;
  }[];
}

export interface Lobby {
  workshop: { title: string; lang: string; status: string; message: string; game?: string };
  participant: { id: string; name: string };
  present: string[];
  tablemates: string[];
  table: { number: number; status: string; roomId: string } | null;
}

/** The facilitator's side. */
export const facilitatorApi = {
  me: () => call<{ email: string | null }>("GET", "/auth/me"),
  login: (email: string, password: string) => call<{ email: string }>("POST", "/auth/login", { email, password }),
  logout: () => call<{ ok: boolean }>("POST", "/auth/logout"),
  workshops: () => call<WorkshopSummary[]>("GET", "/workshops"),
  create: (input: Partial<WorkshopInput>) => call<WorkshopSummary>("POST", "/workshops", input),
  overview: (id: string) => call<Overview>("GET", `/workshops/${id}`),
  formTables: (id: string) => call<Overview>("POST", `/workshops/${id}/tables/form`),
  move: (id: string, participantId: string, tableNumber: number) =>
    call<Overview>("POST", `/workshops/${id}/move`, { participantId, tableNumber }),
  startTable: (id: string, tableId: string) => call<Overview>("POST", `/workshops/${id}/tables/${tableId}/start`),
  startAll: (id: string) => call<Overview>("POST", `/workshops/${id}/start`),
  /** Planner workshops: ends the round under way at every table, or starts the next one. */
  nextRound: (id: string) => call<Overview>("POST", `/workshops/${id}/next`, {}),
  pause: (id: string) => call<Overview>("POST", `/workshops/${id}/pause`),
  resume: (id: string) => call<Overview>("POST", `/workshops/${id}/resume`),
  message: (id: string, text: string) => call<Overview>("POST", `/workshops/${id}/message`, { text }),
  endTable: (id: string, tableId: string) => call<Overview>("POST", `/workshops/${id}/tables/${tableId}/end`),
  end: (id: string) => call<Overview>("POST", `/workshops/${id}/end`),
  debrief: (id: string) => call<Debrief>("GET", `/workshops/${id}/debrief`),
  fileUrl: (id: string, file: "export.csv" | "report.pdf" | "qr.svg") => `${apiBase()}/api/workshops/${id}/${file}`,
};

/** The participant's side. */
export const participantApi = {
  join: (code: string, name: string, role?: string, phase?: string) =>
    call<{ token: string; participantId: string; workshop: { title: string; lang: string } }>("POST", "/join", {
      code,
      name,
      ...(role ? { role } : {}),
      ...(phase ? { phase } : {}),
    }),
  lobby: (token: string) => call<Lobby>("GET", "/lobby", undefined, token),
};
