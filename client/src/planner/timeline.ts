/**
 * A truck's day as a timeline (a Gantt bar over the day's hours): departure
 * from the depot, for each stop the drive there, the arrival, any waiting
 * for the window to open, the unloading (red when it starts after the
 * window closed) and the drive back; the drivers' breaks (EU 561/2006, as
 * the evaluation takes them). Every stop's mark carries its arrival time as text, so the
 * bar reads without hovering. Under the bar the route's km, hours, cost and
 * CO2.
 */
import type { CarrierView } from "@iot/shared/planner/carrierView";
import type { RouteKpi } from "@iot/shared/planner/evaluate";
import { h, type JSX } from "preact";
import { lang, t } from "../i18n/index.js";
import { eur, hhmm, townName } from "./desk.js";

/** The hours the timelines span, minutes after midnight: the same for every truck so they compare. */
export interface TimeAxis {
  from: number;
  to: number;
}

/**
 * Widths of an arrival time's label and of a stop number's as shares of the
 * track (about 36 and 12 px of a track about 460 px wide, the trucks' column
 * on a laptop): labels closer than this sit in the other row (under or over
 * the bar); where neither row has room for the time the stop shows its
 * number, and where there is no room for that either, only its mark (the
 * time is in the mark's title and in the list of stops).
 */
const LABEL_SHARE = 36 / 460;
const NUMBER_SHARE = 12 / 460;

/** The minute a route is back at the depot. */
export function routeEnd(rk: RouteKpi): number {
  const depart = rk.stops[0]?.leave ?? 0;
  return depart + rk.workHours * 60;
}

/** The axis over the carrier's day: whole hours from the day's start (or the first departure) to its end (or the last return). */
export function timeAxis(c: CarrierView): TimeAxis {
  const routes = c.kpi.routes.filter((r) => r.stops.length > 0);
  const from = Math.min(c.scenario.dayStart, ...routes.map((r) => r.stops[0]?.leave ?? Infinity));
  const to = Math.max(c.scenario.dayEnd, ...routes.map(routeEnd));
  return { from: Math.floor(from / 60) * 60, to: Math.ceil(to / 60) * 60 };
}

/** The timeline of route `rk` of carrier `c` over `axis`; `label` names the truck. */
export function routeTimeline(c: CarrierView, rk: RouteKpi, axis: TimeAxis, label: string): JSX.Element {
  const span = Math.max(1, axis.to - axis.from);
  const pct = (m: number) => `${(((m - axis.from) / span) * 100).toFixed(3)}%`;
  const width = (a: number, b: number) => `${((Math.max(0, b - a) / span) * 100).toFixed(3)}%`;
  const orders = new Map(c.scenario.orders.map((o) => [o.id, o]));
  const bar = (kind: string, a: number, b: number, title: string, extra: Record<string, string> = {}) =>
    h("span", {
      className: `tl-seg tl-${kind}`,
      style: `left:${pct(a)};width:${width(a, b)}`,
      title,
      "data-seg": kind,
      ...extra,
    });
  const segs: JSX.Element[] = [];
  const marks: JSX.Element[] = [];
  const labelMin = span * LABEL_SHARE;
  const numberMin = span * NUMBER_SHARE;
  /** Where each row of labels is free again (minutes after midnight): above the bar, below it. */
  const rowFree = [-Infinity, -Infinity];
  let free = rk.stops[0]?.leave ?? axis.from;
  rk.stops.forEach((s, i) => {
    const o = orders.get(s.order);
    const service = o?.serviceMin ?? 0;
    if (s.leave > free + 0.5)
      segs.push(bar("wait", free, s.leave, t("pl.board.waits", { min: Math.round(s.leave - free) })));
    segs.push(bar("drive", s.leave, s.arrival, t("pl.board.drives", { min: Math.round(s.arrival - s.leave) })));
    if (s.start > s.arrival + 0.5)
      segs.push(bar("wait", s.arrival, s.start, t("pl.board.waits", { min: Math.round(s.start - s.arrival) })));
    const late = s.minutesLate > 0;
    const town = o ? townName(o.town) : s.order;
    segs.push(
      bar(
        late ? "service tl-late" : "service",
        s.start,
        s.start + service,
        `${town}: ${t("pl.board.unloads", { min: service })}${late ? `, ${t("pl.board.lateBy", { min: Math.round(s.minutesLate) })}` : ""}`,
      ),
    );
    const row = rowFree.findIndex((m) => m <= s.arrival - labelMin / 2);
    if (row >= 0) rowFree[row] = s.arrival + labelMin / 2;
    const numberRow = row >= 0 ? -1 : rowFree.findIndex((m) => m <= s.arrival - numberMin / 2);
    if (numberRow >= 0) rowFree[numberRow] = s.arrival + numberMin / 2;
    marks.push(
      h(
        "span",
        {
          key: s.order,
          className: `tl-stop tl-row${Math.max(row, numberRow)}${late ? " tl-late" : ""}`,
          style: `left:${pct(s.arrival)}`,
          "data-stop": s.order,
          "data-arrival": hhmm(s.arrival),
          title: `${i + 1}. ${town}, ${t("pl.board.arrives", { time: hhmm(s.arrival) })}${late ? `, ${t("pl.board.lateBy", { min: Math.round(s.minutesLate) })}` : ""}`,
        },
        row >= 0
          ? h("span", { className: "tl-stop-time" }, hhmm(s.arrival))
          : numberRow >= 0
            ? h("span", { className: "tl-stop-n" }, String(i + 1))
            : null,
      ),
    );
    free = s.start + service;
  });
  const back = routeEnd(rk);
  if (rk.stops.length > 0) segs.push(bar("drive", free, back, t("pl.board.drives", { min: Math.round(back - free) })));
  for (const b of rk.breaks)
    segs.push(bar("break", b.start, b.start + b.minutes, t("pl.board.rests", { min: Math.round(b.minutes) })));
  const hours: JSX.Element[] = [];
  for (let m = axis.from; m <= axis.to; m += 60)
    hours.push(
      h("span", { key: m, className: "tl-hour", style: `left:${pct(m)}` }, m % 120 === 0 ? String(m / 60) : ""),
    );
  const depart = rk.stops[0]?.leave;
  return h(
    "div",
    {
      className: "tl",
      "data-timeline": rk.vehicle,
      role: "group",
      "aria-label": t("pl.board.timeline", { truck: label }),
    },
    h(
      "p",
      { className: "tl-figures", "data-route-figures": rk.vehicle },
      depart === undefined
        ? null
        : h(
            "span",
            { className: "tl-ends" },
            `${t("pl.board.departs", { time: hhmm(depart) })} · ${t("pl.board.returns", { time: hhmm(back) })} · `,
          ),
      t("pl.board.routeFigures", {
        km: eur(rk.km),
        hours: rk.workHours.toLocaleString(lang() === "nl" ? "nl-NL" : "en-GB", {
          maximumFractionDigits: 1,
          minimumFractionDigits: 1,
        }),
        cost: eur(rk.cost),
        co2: eur(rk.co2Kg),
      }),
    ),
    h("div", { className: "tl-track", "aria-hidden": "true" }, ...hours, ...segs, ...marks),
  );
}
