import express, { type NextFunction, type Request, type Response, type Router } from "express";
import cookieParser from "cookie-parser";
import QRCode from "qrcode";
import type { z } from "zod";
import { apiErrorTexts } from "@iot/shared/i18n/api";
import {
  advanceSchema,
  joinSchema,
  loginSchema,
  messageSchema,
  moveSchema,
  workshopSchema,
  type ApiErrorCode,
} from "@iot/shared/workshop/api";
import type { FacilitatorRow } from "../db/schema.js";
import { newToken, Throttle, tokenHash, verifyPassword } from "./auth.js";
import { buildDebrief, debriefCsv, debriefPdf } from "./debrief.js";
import { ApiError, type WorkshopService } from "./service.js";

export const SESSION_COOKIE = "iot_session";
/** A facilitator's session lasts a working day (ms). */
const SESSION_MS = 12 * 60 * 60 * 1000;

const STATUS: Record<ApiErrorCode, number> = {
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
};

type Handler = (req: Request, res: Response) => Promise<unknown>;

function langOf(req: Request): "nl" | "en" {
  return String(req.headers["accept-language"] ?? "nl").startsWith("en") ? "en" : "nl";
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw new ApiError("BAD_REQUEST");
  return r.data;
}

/** Wraps a handler: ApiErrors become `{ code, message }` with their status; anything else is a 500 without details. */
function route(fn: Handler) {
  return (req: Request, res: Response, _next: NextFunction) => {
    fn(req, res).catch((e: unknown) => {
      if (e instanceof ApiError) {
        res.status(STATUS[e.code]).json({ code: e.code, message: apiErrorTexts[langOf(req)][e.code] });
      } else {
        console.error("workshop api", e);
        res.status(500).json({ code: "SERVER_ERROR", message: "Internal error" });
      }
    });
  };
}

/**
 * The workshop HTTP API: facilitator sign-in (HTTP-only session cookie,
 * throttled), workshops and their tables, live control, debrief and
 * exports; participants join with a code and follow their lobby with a
 * bearer token.
 */
export function workshopApi(service: WorkshopService): Router {
  const store = service.store;
  const api = express.Router();
  const loginThrottle = new Throttle(5, 15 * 60_000);
  const ipThrottle = new Throttle(30, 15 * 60_000);
  const joinThrottle = new Throttle(10, 10 * 60_000);
  api.use(express.json({ limit: "16kb" }), cookieParser());

  async function facilitator(req: Request): Promise<FacilitatorRow> {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const f = token ? await store.sessionFacilitator(tokenHash(token)) : undefined;
    if (!f) throw new ApiError("UNAUTHORIZED");
    return f;
  }
  const owned = async (req: Request) => service.owned(String(req.params.id), (await facilitator(req)).id);

  api.post(
    "/auth/login",
    route(async (req, res) => {
      const ip = req.ip ?? "";
      const body = parse(loginSchema, req.body);
      const now = Date.now();
      if (loginThrottle.blocked(body.email, now) || ipThrottle.blocked(ip, now))
        throw new ApiError("TOO_MANY_ATTEMPTS");
      const f = await store.facilitatorByEmail(body.email);
      if (!f || !(await verifyPassword(body.password, f.password_hash))) {
        loginThrottle.fail(body.email, now);
        ipThrottle.fail(ip, now);
        throw new ApiError("BAD_LOGIN");
      }
      loginThrottle.reset(body.email);
      const token = newToken();
      await store.addSession(tokenHash(token), f.id, new Date(now + SESSION_MS));
      res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", maxAge: SESSION_MS });
      res.json({ email: f.email });
    }),
  );
  api.post(
    "/auth/logout",
    route(async (req, res) => {
      const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      if (token) await store.deleteSession(tokenHash(token));
      res.clearCookie(SESSION_COOKIE, { path: "/" });
      res.json({ ok: true });
    }),
  );
  api.get(
    "/auth/me",
    route(async (req, res) => {
      // Signed out is an answer here, not an error: the sign-in page asks this first.
      const f = await facilitator(req).catch(() => null);
      res.json({ email: f?.email ?? null });
    }),
  );

  api.get(
    "/workshops",
    route(async (req, res) => res.json(await store.workshopsOf((await facilitator(req)).id))),
  );
  api.post(
    "/workshops",
    route(async (req, res) => {
      const f = await facilitator(req);
      res.status(201).json(await service.create(f.id, parse(workshopSchema, req.body)));
    }),
  );
  api.get(
    "/workshops/:id",
    route(async (req, res) => res.json(await service.overview(await owned(req)))),
  );
  const action = (path: string, act: (req: Request, w: Awaited<ReturnType<typeof owned>>) => Promise<unknown>) =>
    api.post(
      path,
      route(async (req, res) => {
        const w = await owned(req);
        await act(req, w);
        res.json(await service.overview((await store.workshop(w.id)) ?? w));
      }),
    );
  action("/workshops/:id/tables/form", (_req, w) => service.formTables(w));
  action("/workshops/:id/move", (req, w) => {
    const body = parse(moveSchema, req.body);
    return service.move(w, body.participantId, body.tableNumber);
  });
  action("/workshops/:id/tables/:tableId/start", (req, w) => service.startTable(w, String(req.params.tableId)));
  action("/workshops/:id/start", (_req, w) => service.startAll(w));
  action("/workshops/:id/pause", (_req, w) => service.setPaused(w, true));
  action("/workshops/:id/resume", (_req, w) => service.setPaused(w, false));
  action("/workshops/:id/message", (req, w) => service.message(w, parse(messageSchema, req.body).text));
  action("/workshops/:id/tables/:tableId/end", (req, w) => service.endTable(w, String(req.params.tableId)));
  action("/workshops/:id/tables/:tableId/next", (req, w) =>
    service.advance(w, String(req.params.tableId), parse(advanceSchema, req.body).action),
  );
  action("/workshops/:id/next", (req, w) => service.advanceAll(w, parse(advanceSchema, req.body).action));
  action("/workshops/:id/end", (_req, w) => service.end(w));

  api.get(
    "/workshops/:id/debrief",
    route(async (req, res) => res.json(await buildDebrief(store, await owned(req)))),
  );
  api.get(
    "/workshops/:id/export.csv",
    route(async (req, res) => {
      const d = await buildDebrief(store, await owned(req));
      res.type("text/csv").attachment(`workshop-${d.workshop.code}.csv`).send(debriefCsv(d));
    }),
  );
  api.get(
    "/workshops/:id/report.pdf",
    route(async (req, res) => {
      const d = await buildDebrief(store, await owned(req));
      res
        .type("application/pdf")
        .attachment(`workshop-${d.workshop.code}.pdf`)
        .send(await debriefPdf(d));
    }),
  );
  api.get(
    "/workshops/:id/qr.svg",
    route(async (req, res) => {
      const w = await owned(req);
      const link = `${req.protocol}://${req.get("host") ?? "localhost"}/join/${w.code}`;
      res
        .type("image/svg+xml")
        .send(await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" }));
    }),
  );

  api.post(
    "/join",
    route(async (req, res) => {
      const ip = req.ip ?? "";
      if (joinThrottle.blocked(ip, Date.now())) throw new ApiError("TOO_MANY_ATTEMPTS");
      const body = parse(joinSchema, req.body);
      try {
        const joined = await service.join(body.code, body.name, body.role ?? "", body.phase ?? "");
        res.status(201).json({
          token: joined.token,
          participantId: joined.participant.id,
          workshop: { title: joined.workshop.title, lang: joined.workshop.lang },
        });
      } catch (e) {
        if (e instanceof ApiError && e.code === "UNKNOWN_CODE") joinThrottle.fail(ip, Date.now());
        throw e;
      }
    }),
  );
  api.get(
    "/lobby",
    route(async (req, res) => {
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
      if (!token) throw new ApiError("UNAUTHORIZED");
      res.json(await service.lobby(token));
    }),
  );
  api.use((_req, res) => res.status(404).json({ code: "NOT_FOUND", message: "Not found." }));
  return api;
}
