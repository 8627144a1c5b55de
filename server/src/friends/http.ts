import { matchMaker } from "@colyseus/core";
import { normaliseJoinCode } from "@iot/shared/workshop/constants";
import express, { type Router } from "express";
import QRCode from "qrcode";
import { FRIENDS_ROOM } from "@iot/shared/quartet/friends";
import type { TableRoom } from "../table/TableRoom.js";

/** What `GET /api/tables/:code` answers about a friends' table: whether a newcomer can still take a seat. */
export interface FriendsTableAnswer {
  code: string;
  status: "open" | "full" | "started";
}

/** The friends' table with join code `code` (any spelling `normaliseJoinCode` takes), or null. */
async function findTable(code: string): Promise<{ code: string; status: FriendsTableAnswer["status"] } | null> {
  const normal = normaliseJoinCode(code);
  if (!normal) return null;
  const [room] = await matchMaker.query({ name: FRIENDS_ROOM, roomId: normal });
  if (!room) return null;
  const status = await matchMaker.remoteRoomCall<TableRoom, "joinStatus">(room.roomId, "joinStatus");
  return { code: normal, status };
}

/**
 * The friends' tables' HTTP routes: `GET /tables/:code` (is it a friends'
 * table, and can one still join: `{ code, status }`, 404 `UNKNOWN_TABLE`
 * otherwise) and `GET /tables/:code/qr.svg` (a QR code of the join link
 * `/join/<code>` on the address the request came to).
 */
export function friendsApi(): Router {
  const api = express.Router();
  api.get("/tables/:code", async (req, res, next) => {
    try {
      const table = await findTable(String(req.params.code));
      if (!table) res.status(404).json({ code: "UNKNOWN_TABLE", message: "no friends' table with that code" });
      else res.json(table satisfies FriendsTableAnswer);
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
