/**
 * The desk's header (title, round, the day's clock, time left, connection
 * and alerts) and the host's controls (start, end the round, next round,
 * leave).
 */
import { roundRule } from "@iot/shared/planner/game/roundRules";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { button, hhmm, timeLeft, type Desk, type DeskState } from "./desk.js";

/** The header with the round, clock, time left and the last three alerts. */
export function deskHeader(desk: Desk, s: DeskState): JSX.Element {
  const { conn, ui } = desk;
  const alerts = ui.alerts;
  return h(
    "header",
    { className: "planner-header" },
    h("h1", {}, t("pl.title")),
    roundRule(s.round)
      ? h("h2", { id: "pl-round" }, t("pl.round", { round: s.round, name: t(`pl.rounds.${s.round - 1}`) }))
      : h("p", { role: "status" }, t("pl.waiting", { code: conn.code })),
    roundRule(s.round) ? h("p", { id: "pl-clock" }, t("pl.clock", { time: hhmm(s.clock) })) : null,
    s.phase === "round" && s.roundEndsAt > 0
      ? h("p", { id: "pl-timer", role: "timer", "aria-live": "off" }, timeLeft(s.roundEndsAt))
      : null,
    conn.status === "reconnecting"
      ? h("p", { className: "notice", role: "status", id: "pl-connection" }, t("connection.reconnecting"))
      : null,
    s.notice ? h("p", { className: "notice", role: "status" }, s.notice) : null,
    ...alerts
      .slice(-3)
      .map((a, i, shown) => h("p", { key: alerts.length - shown.length + i, className: "notice", role: "alert" }, a)),
  );
}

/** The host's buttons for the round and everyone's "Leave". */
export function deskControls(desk: Desk, s: DeskState): JSX.Element {
  const { conn } = desk;
  const host = s.host === conn.me;
  return h(
    "div",
    { className: "planner-controls" },
    host && s.phase === "waiting" ? button("start", t("pl.start"), () => conn.start(), { className: "primary" }) : null,
    host && s.phase === "round" ? button("end", t("pl.endRound"), () => conn.next()) : null,
    host && s.phase === "review"
      ? button("next", t("pl.nextRound"), () => conn.next(), { className: "primary" })
      : null,
    button("leave", t("pl.leave"), () => void conn.leave().then(() => desk.home())),
  );
}
