/**
 * The planner game's planning desk (round, clock, time left, key figures,
 * map, trucks with their stops, unplanned orders, the assistant, exchange
 * offers, standings) and the results with the personal report. Buttons and
 * selects work with mouse, touch and keyboard alike. The desk is drawn by
 * Preact from the room's state on every change (every second while the
 * day's clock runs): only what differs is touched, so focus, scroll, an
 * open list of changes and a chosen truck stay as they are. The map
 * (planner/map.ts) shows the same plan; orders are dragged there or by the
 * grips in the lists (planner/drag.ts).
 */
// The desk's styles, before map.css (imported by map.ts) so the map's rules still come after them.
import { canAskAssistant, offersExchange, roundRule } from "@iot/shared/planner/game/roundRules";
import "./planner.css";
import type { Plan } from "@iot/shared/planner/evaluate";
import type { PlannerEvent } from "@iot/shared/planner/game/types";
import { COMPETENCES } from "@iot/shared/planner/game/assessment";
import { personalReport } from "@iot/shared/planner/report";
import { TOWNS } from "@iot/shared/planner/region";
import { VEHICLES } from "@iot/shared/planner/vehicles";
import { lang, t } from "../i18n/index.js";
import type { PlannerConnection, PlannerTableState } from "./plannerConnection.js";
import { errorText } from "../net/errors.js";
import { assign, insertBefore, move, unassign } from "@iot/shared/planner/planEdit";
import { planDiff } from "@iot/shared/planner/planDiff";
import { enableDrag, type DropTarget } from "./drag.js";
import { loadLand, mapLegend, plannerMap, truckDock, type Land } from "./map.js";
import { proposalDifferences } from "./proposal.js";
import gripSvg from "lucide-static/icons/grip-vertical.svg?raw";
import { h, type ComponentChildren, type JSX } from "preact";
import { appRoot } from "../ui/dom.js";
import { mount } from "../ui/render.js";
import { truckColour } from "./colours.js";
import { isolate, withNames } from "../ui/names.js";

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(Math.round(m % 60)).padStart(2, "0")}`;
const eur = (x: number) => Math.round(x).toLocaleString(lang() === "nl" ? "nl-NL" : "en-GB");
const townName = (id: string) => TOWNS.find((x) => x.id === id)?.name ?? id;
const GRIP = { __html: gripSvg.replace(/<!--[\s\S]*?-->/g, "") };

/** The planning desk for a connected planner, until they leave. */
export function showPlannerDesk(conn: PlannerConnection, leaveDesk: (message?: string) => void): void {
  let thinking = false;
  let previewText = "";
  let showProposal = true;
  let land: Land | null = null;
  const alerts: string[] = [];
  const floorNotes = new Map<string, string>();
  /** The truck chosen in an unplanned order's list (the first one until the planner picks another). */
  const chosenTruck = new Map<string, string>();

  const send = (plan: Plan) => conn.setPlan(plan);
  const dropped = (order: string, target: DropTarget) => {
    const c = conn.state.carrier;
    if (!c || conn.state.phase !== "round") return;
    const next =
      target.kind === "unplanned"
        ? unassign(c.plan, order)
        : target.before
          ? insertBefore(c.plan, order, target.vehicle, target.before)
          : assign(c.plan, order, target.vehicle);
    if (JSON.stringify(next) !== JSON.stringify(c.plan)) send(next);
  };
  const stopDrag = enableDrag(appRoot(), dropped);
  let gone = false;
  let draw = () => {};
  const render = () => {
    if (!gone) draw();
  };
  // The time left counts down between the room's changes.
  const timer = window.setInterval(render, 1000);
  const home = (message?: string) => {
    gone = true;
    stopDrag();
    window.clearInterval(timer);
    leaveDesk(message);
  };
  const timeLeft = (endsAt: number) => {
    const s = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    return t("pl.timeLeft", { time: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}` });
  };
  const grip = (id: string, label: string) =>
    h("span", {
      className: "grip",
      "data-drag-order": id,
      "data-drag-label": label,
      "aria-hidden": "true",
      dangerouslySetInnerHTML: GRIP,
    });
  const button = (
    key: string,
    label: ComponentChildren,
    onClick: () => void,
    extra: { className?: string; disabled?: boolean } = {},
  ) => h("button", { type: "button", key, "data-key": key, onClick, ...extra }, label);

  function desk(s: PlannerTableState): JSX.Element {
    const host = s.host === conn.me;
    const c = s.carrier;
    const header = h(
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
    const controls = h(
      "div",
      { className: "planner-controls" },
      host && s.phase === "waiting"
        ? button("start", t("pl.start"), () => conn.start(), { className: "primary" })
        : null,
      host && s.phase === "round" ? button("end", t("pl.endRound"), () => conn.next()) : null,
      host && s.phase === "review"
        ? button("next", t("pl.nextRound"), () => conn.next(), { className: "primary" })
        : null,
      button("leave", t("pl.leave"), () => void conn.leave().then(() => home())),
    );
    if (!c) return h("main", { className: "planner", id: "main", "data-connection": conn.status }, header, controls);
    const kpi = c.kpi;
    const figures = h(
      "section",
      { "aria-label": t("pl.kpis"), className: "planner-kpis" },
      h("h2", {}, t("pl.kpis")),
      h(
        "dl",
        { id: "pl-kpis" },
        ...(
          [
            ["cost", eur(kpi.cost)],
            ["km", eur(kpi.km)],
            ["co2", eur(kpi.co2Kg)],
            ["late", String(kpi.late)],
            ["unplanned", String(kpi.unplanned.length)],
            ["over", String(kpi.overCapacity + kpi.overRange)],
          ] as const
        ).flatMap(([k, v]) => [h("dt", {}, t(`pl.${k}`)), h("dd", { "data-kpi": k }, v)]),
      ),
    );
    const orders = new Map(c.scenario.orders.map((o) => [o.id, o]));
    const editable = s.phase === "round";
    const orderText = (id: string) => {
      const o = orders.get(id);
      return o
        ? t("pl.order", { id, town: townName(o.town), pallets: o.pallets, from: hhmm(o.ready), to: hhmm(o.due) })
        : id;
    };
    const trucks = h(
      "section",
      { "aria-label": t("pl.trucks") },
      h("h2", {}, t("pl.trucks")),
      ...c.scenario.fleet.map((v, i) => {
        const route = c.plan.routes.find((r) => r.vehicle === v.id)?.orders ?? [];
        const rk = kpi.routes.find((r) => r.vehicle === v.id);
        const out = c.unavailable.includes(v.id);
        return h(
          "article",
          {
            key: v.id,
            className: "planner-truck",
            "data-vehicle": v.id,
            "data-drop-vehicle": editable && !out ? v.id : null,
          },
          h(
            "h3",
            {},
            h("span", { className: "swatch", style: `background:${truckColour(i).stroke}`, "aria-hidden": "true" }),
            `${v.id}: ${t(`pl.types.${v.type}`)}${out ? ` (${t("pl.out")})` : ""}`,
          ),
          h(
            "p",
            { className: rk?.overCapacity || rk?.overRange ? "planner-over" : "" },
            t("pl.load", { pallets: rk?.pallets ?? 0, capacity: VEHICLES[v.type].capacityPallets }),
            rk?.overCapacity ? ` ${t("pl.tooFull")}` : "",
            rk?.overRange ? ` ${t("pl.tooFar")}` : "",
          ),
          route.length === 0
            ? h("p", {}, t("pl.noStops"))
            : h(
                "ol",
                {},
                ...route.map((id) => {
                  const locked = c.locked.includes(id);
                  const movable = editable && !locked;
                  return h(
                    "li",
                    {
                      key: id,
                      "data-order": id,
                      "data-drop-vehicle": movable ? v.id : null,
                      "data-drop-before": movable ? id : null,
                    },
                    movable ? grip(id, orderText(id)) : null,
                    orderText(id),
                    editable && !locked
                      ? [
                          button(`up-${id}`, t("pl.up"), () => send(move(c.plan, id, -1))),
                          button(`down-${id}`, t("pl.down"), () => send(move(c.plan, id, 1))),
                          button(`off-${id}`, t("pl.remove"), () => send(unassign(c.plan, id))),
                        ]
                      : null,
                  );
                }),
              ),
        );
      }),
    );
    const available = c.scenario.fleet.filter((v) => !c.unavailable.includes(v.id));
    const unplanned = h(
      "section",
      { "aria-label": t("pl.unplanned"), "data-drop-unplanned": editable ? "" : null },
      h("h2", {}, `${t("pl.unplanned")} (${kpi.unplanned.length})`),
      h(
        "ul",
        { id: "pl-unplanned" },
        ...kpi.unplanned.map((id) => {
          const chosen = available.find((v) => v.id === chosenTruck.get(id))?.id ?? available[0]?.id ?? "";
          const select = h(
            "select",
            {
              "aria-label": `${t("pl.assignTo")} ${id}`,
              "data-key": `to-${id}`,
              value: chosen,
              onChange: (e: Event) => chosenTruck.set(id, (e.currentTarget as HTMLSelectElement).value),
            },
            ...available.map((v) => h("option", { key: v.id, value: v.id }, v.id)),
          );
          return h(
            "li",
            { key: id, "data-order": id },
            editable ? grip(id, orderText(id)) : null,
            orderText(id),
            floorNotes.has(id) ? h("em", {}, ` ${floorNotes.get(id)}`) : null,
            editable ? [select, button(`plan-${id}`, t("pl.assign"), () => send(assign(c.plan, id, chosen)))] : null,
            editable && !floorNotes.has(id) ? button(`ask-${id}`, t("pl.ask"), () => reveal(id)) : null,
          );
        }),
      ),
    );
    const changes = c.proposal ? planDiff(c.plan, c.proposal) : [];
    const assistant =
      editable && canAskAssistant(s)
        ? h(
            "section",
            { className: "planner-assistant" },
            button(
              "assist",
              thinking ? t("pl.thinking") : t("pl.assist"),
              () => {
                thinking = true;
                conn.assist();
                render();
              },
              thinking ? { disabled: true } : {},
            ),
            c.proposal && c.proposalKpi
              ? [
                  h(
                    "p",
                    { id: "pl-proposal" },
                    t("pl.proposal", {
                      cost: eur(c.proposalKpi.cost),
                      km: eur(c.proposalKpi.km),
                      late: c.proposalKpi.late,
                      unplanned: c.proposalKpi.unplanned.length,
                    }),
                  ),
                  c.proposalOutdated
                    ? h(
                        "p",
                        { id: "pl-proposal-outdated", className: "notice", role: "status" },
                        t("pl.proposalOutdated"),
                      )
                    : null,
                  button("accept", t("pl.accept"), () => conn.acceptProposal(), {
                    className: "primary",
                    disabled: c.proposalOutdated,
                  }),
                  h(
                    "label",
                    { className: "planner-toggle" },
                    h("input", {
                      type: "checkbox",
                      id: "pl-show-proposal",
                      "data-key": "show-proposal",
                      checked: showProposal,
                      onChange: (e: Event) => {
                        showProposal = (e.currentTarget as HTMLInputElement).checked;
                        render();
                      },
                    }),
                    ` ${t("pl.showProposal")}`,
                  ),
                  proposalDifferences(c.kpi, c.proposalKpi, changes, orderText),
                ]
              : null,
          )
        : null;
    const changed = new Set(changes.map((d) => d.order));
    const map = h(
      "section",
      { className: "planner-map", "aria-label": t("pl.map") },
      h("h2", {}, t("pl.map")),
      editable ? h("p", { className: "map-help" }, t("pl.mapHelp")) : null,
      plannerMap({ carrier: c, editable, showProposal: showProposal && c.proposal !== null, changed }, land),
      truckDock(c, editable),
      mapLegend(),
    );
    return h(
      "main",
      { className: "planner", id: "main", "data-connection": conn.status },
      header,
      controls,
      figures,
      assistant,
      map,
      trucks,
      unplanned,
      offersExchange(s) ? exchange(s) : null,
      standings(s),
      results(),
    );
  }

  function reveal(id: string): void {
    conn.reveal(id);
    floorNotes.set(id, "");
    window.setTimeout(() => {
      const known = conn.state.carrier?.scenario.orders.find((x) => x.id === id)?.floor;
      floorNotes.set(id, known ? t("pl.floor", { text: known.text[lang()] }) : t("pl.noFloor"));
      render();
    }, 400);
  }

  function exchange(s: PlannerTableState): JSX.Element {
    const c = s.carrier;
    const mine = c?.scenario.orders.filter((o) => !c.locked.includes(o.id)) ?? [];
    const nameOf = (id: string) => isolate(s.planners.find((p) => p.id === id)?.name ?? id);
    return h(
      "section",
      { "aria-label": t("pl.offers"), id: "pl-offers" },
      h("h2", {}, t("pl.offers")),
      h(
        "p",
        {},
        t("pl.region", {
          km: eur(s.region.km),
          co2: eur(s.region.co2Kg),
          km3: eur(s.region.kmRound3),
          co2k3: eur(s.region.co2KgRound3),
        }),
      ),
      previewText ? h("p", { role: "status" }, previewText) : null,
      h(
        "ul",
        {},
        ...s.offers
          .filter((o) => o.status === "open")
          .map((o) =>
            h(
              "li",
              { key: o.id },
              withNames(
                t("pl.offerLine", { order: o.order, from: nameOf(o.from), town: townName(o.town), pallets: o.pallets }),
              ),
              o.from === conn.me
                ? button(`withdraw-${o.id}`, t("pl.withdraw"), () => conn.withdraw(o.id))
                : [
                    button(`preview-${o.id}`, t("pl.preview"), () => conn.preview(o.id)),
                    button(`take-${o.id}`, t("pl.take"), () => conn.accept(o.id)),
                  ],
            ),
          ),
      ),
      h(
        "ul",
        {},
        ...mine
          .filter((o) => !s.offers.some((x) => x.order === o.id && x.status === "open"))
          .map((o) =>
            h(
              "li",
              { key: o.id },
              o.id,
              button(`offer-${o.id}`, t("pl.offer"), () => conn.offer(o.id)),
            ),
          ),
      ),
    );
  }

  function standings(s: PlannerTableState): JSX.Element | null {
    if (s.leaderboard.length === 0) return null;
    return h(
      "section",
      { id: "pl-standings" },
      h("h2", {}, t("pl.leaderboard", { round: s.leaderboardRound })),
      h(
        "ul",
        {},
        ...s.leaderboard.map((r) =>
          h(
            "li",
            {},
            withNames(t("pl.standing", { place: r.place, name: isolate(r.name), score: r.score.toFixed(2) })),
          ),
        ),
      ),
    );
  }

  function results(): JSX.Element | null {
    const r = conn.results;
    const profile = r?.profiles[conn.me];
    if (!r || !profile) return null;
    const report = personalReport(lang(), r.names[conn.me] ?? "planner", conn.me, r.results, profile);
    const download = async () => {
      const res = await fetch("/api/planner/report.pdf", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(report),
      });
      if (!res.ok) return;
      const url = URL.createObjectURL(await res.blob());
      const a = Object.assign(document.createElement("a"), { href: url, download: "report.pdf" });
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    };
    return h(
      "section",
      { id: "pl-results" },
      h("h2", {}, t("pl.finished")),
      h("h3", {}, t("pl.profile")),
      h(
        "dl",
        { id: "pl-profile" },
        ...COMPETENCES.flatMap((k) => [
          h("dt", { key: `dt-${k}` }, t(`pl.competences.${k}`)),
          h(
            "dd",
            { key: `dd-${k}` },
            h("meter", { min: 0, max: 100, value: profile[k], "aria-label": t(`pl.competences.${k}`) }),
            ` ${profile[k]}`,
          ),
        ]),
      ),
      button("report", t("pl.report"), () => void download(), { className: "primary" }),
    );
  }

  const disruptionText = (e: Extract<PlannerEvent, { type: "disruption" }>) => {
    const d = e.disruption;
    const what =
      d.kind === "rush-order"
        ? t("pl.kinds.rush-order", { order: d.order.id })
        : d.kind === "traffic-jam"
          ? t("pl.kinds.traffic-jam", { from: d.from, to: d.to })
          : t(`pl.kinds.${d.kind}`, { vehicle: d.vehicle });
    return t("pl.disruption", { what });
  };

  conn.on("state", () => render());
  conn.on("proposal", () => {
    thinking = false;
    showProposal = true;
    // Asked again with nothing changed, the answer comes without a change of the view.
    render();
  });
  conn.on("preview", (p) => {
    previewText = t("pl.previewText", {
      taker: eur(p.taker.cost),
      giver: eur(p.giver.cost),
      km: eur(p.region.km),
      co2: eur(p.region.co2Kg),
    });
    render();
  });
  conn.on("event", (e) => {
    if (e.type === "disruption" && e.player === conn.me) alerts.push(disruptionText(e));
  });
  conn.on("results", () => render());
  conn.on("rejected", (r) => {
    thinking = false;
    alerts.push(r.message || r.code);
    render();
  });
  conn.on("connection", (status) => {
    if (status === "lost") return home(errorText(new Error("connection lost")));
    // A question to the assistant that was under way may have gone with the connection: it can be asked again.
    if (status === "connected") thinking = false;
    render();
  });
  draw = mount(() => desk(conn.state));
  void loadLand().then((l) => {
    land = l;
    render();
  });
}
