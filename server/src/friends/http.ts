import { matchMaker } from "@colyseus/core";
import { normaliseJoinCode } from "@iot/shared/workshop/constants";
import express, { type Router } from "express";
import QRCode from "qrcode";
import { FRIENDS_ROOM } from "@iot/shared/quartet/friends";
import type { TableRoom } from "../table/TableRoom.js";

/**
 * What `GET /api/tables/:code` answers about a well-formed code: whether a
 * newcomer can still take a seat at its friends' table, or `none` (no such
 * table: the code may be a workshop's, so this is an answer, not an error).
 */
export interface FriendsTableAnswer {
  code: string;
  status: "open" | "full" | "started" | "none";
}

/** The state of the friends' table with join code `code` (any spelling `normaliseJoinCode` takes); null for a malformed code. */
async function findTable(code: string): Promise<FriendsTableAnswer | null> {
  const normal = normaliseJoinCode(code);
  if (!normal) return null;
  const [room] = await matchMaker.query({ name: FRIENDS_ROOM, roomId: normal });
  if (!room) return { code: normal, status: "none" };
  const status = await matchMaker.remoteRoomCall<TableRoom, "joinStatus">(room.roomId, "joinStatus");
  return { code: normal, status };
}

/**
 * The friends' tables' HTTP routes: `GET /tables/:code` (is it a friends'
 * table, and can one still join: `{ code, status }` for every well-formed
 * code, 404 `UNKNOWN_TABLE` for a malformed one) and `GET /tables/:code/qr.svg` (a QR code of the join link
 * `/join/<code>` on the address the request came to).
 */
export function friendsApi(): Router {
  const api = express.Router();
  api.get("/tables/:code", async (req, res, next) => {
    try {
      const table = await findTable(String(req.params.code));
      if (!table) res.status(404).json({ code: "UNKNOWN_TABLE", message: "no friends' table with that code" });
      else res.json(table);
    } catch (e) {
      next(e);
    }
  });
  api.get("/tables/:code/qr.svg", async (req, res, next) => {
    try {
      const code = normaliseJoinCode(String(req.params.code));
      if (!code) {
        res.status(404).json({ code: "UNKNOWN_TABLE", message: "no friends' table with that code" });
        return;
      }
      const link = `${req.protocol}://${req.get("host") ?? "localhost"}/join/${code}`;
      res
        .type("image/svg+xml")
        .send(await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" }));
    } catch (e) {
      next(e);
    }
  });
  return api;
}
