import express, { type NextFunction, type Request, type Response, type Router } from "express";
import cookieParser from "cookie-parser";
import QRCode from "qrcode";
import type { z } from "zod";
import { apiErrorTexts } from "@iot/shared/i18n/api";
import {
  advanceSchema,
  apiErrorSchema,
  debriefSchema,
  joinedSchema,
  joinSchema,
  lateSeatSchema,
  lobbySchema,
  lobbyTicketSchema,
  loginSchema,
  meSchema,
  messageSchema,
  moveSchema,
  overviewSchema,
  prioritiesSchema,
  signedInSchema,
  signedOutSchema,
  workshopInfoSchema,
  workshopDeletedSchema,
  workshopListSchema,
  workshopPatchSchema,
  workshopSchema,
} from "@iot/shared/workshop/api";
import type { HttpConfig } from "../config.js";
import type { FacilitatorRow, WorkshopRow } from "../db/schema.js";
import { JoinThrottle, LoginThrottle, newToken, tokenHash, verifyPassword, type ThrottleStore } from "./auth.js";
import { buildDebrief, debriefCsv } from "./debrief.js";
import { participantsCsv, reportPdf } from "./reports.js";
import { savePriorities } from "./priorities.js";
import { API_STATUS, apiErrorMessage, apiNotFound, langOf } from "./errors.js";
import type { WorkshopStreams } from "./events.js";
import {
  deleteWorkshop,
  duplicateWorkshop,
  patchWorkshop,
  removeParticipant,
  reopenWorkshop,
  setLocked,
  workshopList,
} from "./management.js";
import { advance, advanceAll } from "./plannerSteps.js";
import { ApiError, type WorkshopService } from "./service.js";
import { joinedAnswer, workshopInfo } from "./wire.js";
import { completePick } from "./pickCompletion.js";

export const SESSION_COOKIE = "iot_session";
/** A facilitator's session lasts a working day (ms). */
const SESSION_MS = 12 * 60 * 60 * 1000;

type Handler = (req: Request, res: Response) => Promise<unknown>;

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw new ApiError("BAD_REQUEST");
  return r.data;
}

/** Outside production every answer is checked against its schema, so the tests catch a server that drifts from it. */
const CHECK_ANSWERS = process.env.NODE_ENV !== "production";

/** Sends `body` as the answer of the shape `schema` describes (the one the browser checks it with). */
function reply<S extends z.ZodType>(res: Response, schema: S, body: z.infer<S>, status = 200): void {
  if (CHECK_ANSWERS) {
    const checked = schema.safeParse(body);
    if (!checked.success) throw new Error(`an answer does not fit its schema: ${checked.error.message}`);
  }
  res.status(status).json(body);
}

/** Wraps a handler: ApiErrors become `{ code, message, ...details }` with their status; anything else is a 500 without details. */
function route(fn: Handler) {
  return (req: Request, res: Response, _next: NextFunction) => {
    fn(req, res).catch((e: unknown) => {
      // An event stream that already started can only be ended.
      if (res.headersSent) {
        if (!(e instanceof ApiError)) console.error("workshop api", e);
        res.end();
      } else if (e instanceof ApiError) {
        if (e.retryAfterS) res.set("Retry-After", String(e.retryAfterS));
        const message = apiErrorMessage(langOf(req), e.code, e.details);
        reply(res, apiErrorSchema, { code: e.code, message, ...e.details }, API_STATUS[e.code]);
      } else {
        console.error("workshop api", e);
        const message = apiErrorTexts[langOf(req)].SERVER_ERROR;
        reply(res, apiErrorSchema, { code: "SERVER_ERROR", message }, 500);
      }
    });
  };
}

/** A participant's bearer token from the `authorization` header; UNAUTHORIZED without one. */
function bearer(req: Request): string {
  const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
  if (!token) throw new ApiError("UNAUTHORIZED");
  return token;
}

/**
 * The workshop HTTP API: facilitator sign-in (HTTP-only session cookie,
 * throttled), workshops and their tables, live control, debrief and
 * exports; participants join with a code and read their lobby with a bearer
 * token. The facilitator's overview and the participant's lobby are also
 * pushed as server-sent events through `streams` (`docs/protocol-additions.md`).
 * Every JSON answer has its shape in `@iot/shared/workshop/responses`.
 */
export function workshopApi(
  service: WorkshopService,
  streams: WorkshopStreams,
  http: Pick<HttpConfig, "cookieSecure"> & { throttles?: ThrottleStore } = { cookieSecure: false },
): Router {
  const store = service.store;
  const api = express.Router();
  // Per client address (req.ip: behind a proxy trusted by TRUST_PROXY, the forwarded one); in Redis when shared.
  const throttles = http.throttles ?? { kind: "memory" };
  const loginThrottle = new LoginThrottle(throttles);
  const joinThrottle = new JoinThrottle(throttles);
  api.use(express.json({ limit: "16kb" }), cookieParser());

  /** The session cookie: HTTP-only, SameSite=Lax, and Secure over HTTPS as Express sees it (or always with COOKIE_SECURE). */
  const cookieOptions = (req: Request) =>
    ({ httpOnly: true, sameSite: "lax", path: "/", secure: http.cookieSecure || req.secure }) as const;

  async function facilitator(req: Request): Promise<FacilitatorRow> {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const f = token ? await store.sessionFacilitator(tokenHash(token)) : undefined;
    if (!f) throw new ApiError("UNAUTHORIZED");
    return f;
  }
  const owned = async (req: Request) => service.owned(String(req.params.id), (await facilitator(req)).id);
  /** The overview of workshop `w` as it is in the database now. */
  const overviewOf = async (w: WorkshopRow) => service.overview((await store.workshop(w.id)) ?? w);

  api.post(
    "/auth/login",
    route(async (req, res) => {
      const ip = req.ip ?? "";
      const body = parse(loginSchema, req.body);
      const now = Date.now();
      const wait = await loginThrottle.wait(ip, body.email);
      if (wait > 0) throw new ApiError("TOO_MANY_ATTEMPTS", wait);
      const f = await store.facilitatorByEmail(body.email);
      if (!f || !(await verifyPassword(body.password, f.password_hash))) {
        await loginThrottle.fail(ip, body.email);
        throw new ApiError("BAD_LOGIN");
      }
      await loginThrottle.succeed(ip, body.email);
      const token = newToken();
      await store.addSession(tokenHash(token), f.id, new Date(now + SESSION_MS));
      res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: SESSION_MS });
      reply(res, signedInSchema, { email: f.email });
    }),
  );
  api.post(
    "/auth/logout",
    route(async (req, res) => {
      const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      if (token) await store.deleteSession(tokenHash(token));
      res.clearCookie(SESSION_COOKIE, cookieOptions(req));
      reply(res, signedOutSchema, { ok: true });
    }),
  );
  api.get(
    "/auth/me",
    route(async (req, res) => {
      // Signed out is an answer here, not an error: the sign-in page asks this first.
      const f = await facilitator(req).catch(() => null);
      reply(res, meSchema, { email: f?.email ?? null });
    }),
  );

  api.get(
    "/workshops",
    route(async (req, res) => {
      const f = await facilitator(req);
      reply(res, workshopListSchema, await workshopList(store, f.id, req.query.archived === "1"));
    }),
  );
  api.post(
    "/workshops",
    route(async (req, res) => {
      const f = await facilitator(req);
      reply(res, workshopInfoSchema, workshopInfo(await service.create(f.id, parse(workshopSchema, req.body))), 201);
    }),
  );
  api.get(
    "/workshops/:id",
    route(async (req, res) => reply(res, overviewSchema, await service.overview(await owned(req)))),
  );
  api.patch(
    "/workshops/:id",
    route(async (req, res) => {
      const w = await owned(req);
      reply(res, workshopInfoSchema, workshopInfo(await patchWorkshop(store, w, parse(workshopPatchSchema, req.body))));
    }),
  );
  api.delete(
    "/workshops/:id",
    route(async (req, res) => {
      const w = await owned(req);
      reply(res, workshopDeletedSchema, { ok: true, id: w.id, deleted: await deleteWorkshop(store, w) });
    }),
  );
  api.post(
    "/workshops/:id/duplicate",
    route(async (req, res) =>
      reply(res, workshopInfoSchema, workshopInfo(await duplicateWorkshop(service, await owned(req))), 201),
    ),
  );
  api.delete(
    "/workshops/:id/participants/:participantId",
    route(async (req, res) => {
      const w = await owned(req);
      await removeParticipant(store, w, String(req.params.participantId));
      reply(res, overviewSchema, await overviewOf(w));
    }),
  );
  api.get(
    "/workshops/:id/events",
    route(async (req, res) => {
      const w = await owned(req);
      const session = (req.cookies as Record<string, string>)[SESSION_COOKIE] ?? "";
      await streams.follow(req, res, {
        key: `overview:${w.id}`,
        workshopId: w.id,
        event: "overview",
        build: async () => {
          const overview = await overviewOf(w);
          return { body: overview, tables: new Set(overview.tables.map((t) => t.id)) };
        },
        // A signed-out facilitator's stream ends with the next heartbeat.
        alive: async () => (await store.sessionFacilitator(tokenHash(session)))?.id === w.facilitator_id,
      });
    }),
  );
  const action = (path: string, act: (req: Request, w: Awaited<ReturnType<typeof owned>>) => Promise<unknown>) =>
    api.post(
      path,
      route(async (req, res) => {
        const w = await owned(req);
        await act(req, w);
        reply(res, overviewSchema, await overviewOf(w));
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
    advance(store, w, String(req.params.tableId), parse(advanceSchema, req.body).action),
  );
  action("/workshops/:id/next", (req, w) => advanceAll(store, w, parse(advanceSchema, req.body).action));
  action("/workshops/:id/end", (_req, w) => service.end(w));
  action("/workshops/:id/reopen", (_req, w) => reopenWorkshop(store, w));
  action("/workshops/:id/lock", (_req, w) => setLocked(store, w, true));
  action("/workshops/:id/unlock", (_req, w) => setLocked(store, w, false));

  api.put(
    "/workshops/:id/tables/:tableId/picks/:theme",
    route(async (req, res) => completePick(store, await owned(req), req, res)),
  );
  api.get(
    "/workshops/:id/debrief",
    route(async (req, res) => reply(res, debriefSchema, await buildDebrief(store, await owned(req)))),
  );
  api.put(
    "/workshops/:id/priorities",
    route(async (req, res) => reply(res, prioritiesSchema, await savePriorities(store, await owned(req), req.body))),
  );
  api.get(
    "/workshops/:id/export.csv",
    route(async (req, res) => {
      const d = await buildDebrief(store, await owned(req));
      res.type("text/csv").attachment(`workshop-${d.workshop.code}.csv`).send(debriefCsv(d));
    }),
  );
  api.get(
    "/workshops/:id/participants.csv",
    route(async (req, res) => {
      const file = await participantsCsv(store, await owned(req));
      res.type("text/csv").attachment(file.name).send(file.body);
    }),
  );
  api.get(
    "/workshops/:id/report.pdf",
    route(async (req, res) => {
      const file = await reportPdf(store, await owned(req));
      res.type("application/pdf").attachment(file.name).send(file.body);
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
      const wait = await joinThrottle.wait(ip);
      if (wait > 0) throw new ApiError("TOO_MANY_ATTEMPTS", wait);
      const body = parse(joinSchema, req.body);
      try {
        const joined = await service.join(body.code, body.name, body.role ?? "", body.phase ?? "");
        reply(res, joinedSchema, joinedAnswer(joined.token, joined.participant, joined.workshop), 201);
      } catch (e) {
        if (e instanceof ApiError && e.code === "UNKNOWN_CODE") await joinThrottle.fail(ip);
        throw e;
      }
    }),
  );
  api.get(
    "/lobby",
    route(async (req, res) => reply(res, lobbySchema, await service.lobby(bearer(req)))),
  );
  api.post(
    "/lobby/seat",
    route(async (req, res) =>
      reply(res, lobbySchema, await service.seatLate(bearer(req), parse(lateSeatSchema, req.body ?? {}))),
    ),
  );
  api.post(
    "/lobby/ticket",
    route(async (req, res) => reply(res, lobbyTicketSchema, await service.lobbyTicket(bearer(req)))),
  );
  api.get(
    "/lobby/events",
    route(async (req, res) => {
      // EventSource cannot send the bearer token: a short-lived, read-only ticket opens the stream instead.
      const participantId = service.ticketHolder(String(req.query.ticket ?? ""));
      const { workshopId } = await service.lobbyState(participantId);
      await streams.follow(req, res, {
        key: `lobby:${participantId}`,
        workshopId,
        event: "lobby",
        build: async () => {
          const { lobby, tableId } = await service.lobbyState(participantId);
          return { body: lobby, tables: new Set(tableId ? [tableId] : []) };
        },
      });
    }),
  );
  api.use(apiNotFound);
  return api;
}
