import type { ErrorRequestHandler, Request, RequestHandler, Response } from "express";
import { apiErrorTexts } from "@iot/shared/i18n/api";
import type { ApiErrorCode } from "@iot/shared/workshop/api";

/** What an error answer carries beyond its code: NAME_TAKEN's free name to suggest (also put into the sentence). */
export interface ApiErrorDetails {
  suggestion?: string;
}

/** A refused request: an API error code (the HTTP layer maps it to a status and a sentence). */
export class ApiError extends Error {
  /**
   * `retryAfterS`: for TOO_MANY_ATTEMPTS, the seconds to wait (sent as
   * `Retry-After`); `details`: sent along with the code and filled into the
   * sentence's `{name}` placeholders.
   */
  constructor(
    readonly code: ApiErrorCode,
    readonly retryAfterS?: number,
    readonly details: ApiErrorDetails = {},
  ) {
    super(code);
  }
}

/** The HTTP status of each API error code. */
export const API_STATUS: Record<ApiErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_LOGIN: 401,
  TOO_MANY_ATTEMPTS: 429,
  UNKNOWN_CODE: 404,
  WORKSHOP_ENDED: 410,
  TABLE_TOO_SMALL: 409,
  ALREADY_STARTED: 409,
  WRONG_PHASE: 409,
  PAYLOAD_TOO_LARGE: 413,
  CROSS_SITE: 403,
  WORKSHOP_LOCKED: 423,
  NOT_IN_PLAN: 409,
  SERVER_ERROR: 500,
  NAME_TAKEN: 409,
  NOT_LATE: 409,
  ALREADY_PICKED: 409,
  QUARTET_NOT_LAID: 409,
};

/** The caller's language: English when `Accept-Language` starts with `en`, Dutch otherwise. */
export function langOf(req: Request): "nl" | "en" {
  return String(req.headers["accept-language"] ?? "nl").startsWith("en") ? "en" : "nl";
}

/** The sentence of `code` in `lang`, with `details` filled into its `{name}` placeholders. */
export function apiErrorMessage(lang: "nl" | "en", code: ApiErrorCode, details: ApiErrorDetails = {}): string {
  return apiErrorTexts[lang][code].replace(/\{(\w+)\}/g, (all, key: string) =>
    key === "suggestion" && details.suggestion !== undefined ? details.suggestion : all,
  );
}

/** Answers `{ code, message, ...details }` in the caller's language with the code's status (or `status`). */
export function sendApiError(
  req: Request,
  res: Response,
  code: ApiErrorCode,
  status = API_STATUS[code],
  details: ApiErrorDetails = {},
): void {
  res.status(status).json({ code, message: apiErrorMessage(langOf(req), code, details), ...details });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const CORS_HEADERS = [
  "Access-Control-Allow-Origin",
  "Access-Control-Allow-Credentials",
  "Access-Control-Allow-Headers",
  "Access-Control-Allow-Methods",
  "Access-Control-Max-Age",
];

/**
 * Refuses state-changing requests (anything but GET, HEAD, OPTIONS) from
 * another site with 403 CROSS_SITE: an `Origin` that is neither the app's own
 * (the request's scheme and host as Express sees them, so behind a trusted
 * proxy the forwarded ones) nor in `allowedOrigins`; without `Origin`, a
 * `Sec-Fetch-Site` other than `same-origin` or `none`. Requests with neither
 * header (curl, scripts, the tests) pass. Answers to another origin lose
 * the CORS headers Colyseus adds to every response, so it cannot read them.
 */
export function crossSiteGuard(allowedOrigins: readonly string[] = []): RequestHandler {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  return (req, res, next) => {
    const origin = req.get("origin")?.toLowerCase();
    if (origin !== undefined) {
      const own = `${req.protocol}://${req.host ?? ""}`.toLowerCase();
      if (origin === own || allowed.has(origin)) return next();
      // Colyseus answers every request with CORS headers that let any origin read it with credentials;
      // the API's answers are for its own origin (and ALLOWED_ORIGINS) only.
      for (const name of CORS_HEADERS) res.removeHeader(name);
      if (SAFE_METHODS.has(req.method)) return next();
      return sendApiError(req, res, "CROSS_SITE");
    }
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get("sec-fetch-site")?.toLowerCase();
    if (site === undefined || site === "same-origin" || site === "none") return next();
    sendApiError(req, res, "CROSS_SITE");
  };
}

/** Any other `/api/...` path: 404 `{ code: "NOT_FOUND", message }`. */
export const apiNotFound: RequestHandler = (req, res) => sendApiError(req, res, "NOT_FOUND");

/**
 * The last error handler of the app, so Express's own (an HTML page with a
 * stack trace outside production) is never reached: an ApiError keeps its
 * code; a body parser's refusal (malformed JSON, a body over the limit, an
 * unknown encoding) keeps its 4xx status as BAD_REQUEST or PAYLOAD_TOO_LARGE;
 * anything else is logged and answered 500 SERVER_ERROR without details.
 */
export const apiErrorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  if (res.headersSent) {
    console.error("http", err);
    res.end();
    return;
  }
  if (err instanceof ApiError) {
    if (err.retryAfterS) res.set("Retry-After", String(err.retryAfterS));
    return sendApiError(req, res, err.code, API_STATUS[err.code], err.details);
  }
  const e = (err ?? {}) as { status?: unknown; statusCode?: unknown };
  const status = Number(e.status ?? e.statusCode);
  if (status === 413) return sendApiError(req, res, "PAYLOAD_TOO_LARGE");
  if (Number.isInteger(status) && status >= 400 && status < 500) return sendApiError(req, res, "BAD_REQUEST", status);
  console.error("http", err);
  sendApiError(req, res, "SERVER_ERROR");
};
