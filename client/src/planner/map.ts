/**
 * The planner's map: the real outline of the north of the Netherlands (from
 * assets/maps, derived from Natural Earth by `npm run build:map`), the towns,
 * the depot, a pin per order (pallets on the pin, delivery window under it),
 * each truck's route in its own colour, and, when asked, the assistant's
 * proposal drawn over it with the orders it changes ringed. Pins can be
 * dragged onto a truck, onto another stop or back to the unplanned orders
 * (see drag.ts); the lists beside the map do the same with the keyboard.
 */
import { geoMercator, geoPath, geoTransform, type GeoProjection } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { CarrierView } from "@iot/shared/planner/carrierView";
import { DEPOT, MAP_BOUNDS, TOWNS, town } from "@iot/shared/planner/region";
import type { Order } from "@iot/shared/planner/scenario";
import { VEHICLES } from "@iot/shared/planner/vehicles";
import { h, type JSX } from "preact";
import { t } from "../i18n/index.js";
import { truckColour } from "./colours.js";
import { truckName, truckTitle } from "./desk.js";
import { placeLabels, textBox, type Box } from "./labels.js";
import "./map.css";

export type Land = FeatureCollection<Polygon | MultiPolygon, { name: string }>;

/** Width of the map's drawing in SVG units; the height follows from the region's shape. */
const WIDTH = 800;
const PAD = 12;
/** Radius of an order's pin and of the ring of pins around a town with several orders, in SVG units. */
const PIN_R = 15;
/** Towns whose labels come first where labels would collide (the region's largest), after the towns with orders. */
const MAIN_TOWNS = ["groningen", "leeuwarden", "assen", "emmen", "drachten", "heerenveen", "hoogeveen", "sneek"];

let land: Promise<Land | null> | null = null;

/** The region's outline, fetched once from the static assets; null when it cannot be had (the map then shows the towns only). */
export function loadLand(): Promise<Land | null> {
  land ??= fetch(`${import.meta.env.BASE_URL}maps/north-netherlands.json`)
    .then((r) => (r.ok ? (r.json() as Promise<Land>) : null))
    .catch(() => null);
  return land;
}

/** The map's projection (Mercator fitted to MAP_BOUNDS) and the drawing's height; the same for every desk. */
const VIEW = ((): { project: (lon: number, lat: number) => [number, number]; height: number } => {
  const { west, south, east, north } = MAP_BOUNDS;
  const unit = geoMercator();
  const [x0 = 0, y0 = 0] = unit([west, north]) ?? [];
  const [x1 = 1, y1 = 1] = unit([east, south]) ?? [];
  const height = Math.round(((WIDTH - 2 * PAD) * (y1 - y0)) / (x1 - x0) + 2 * PAD);
  const p: GeoProjection = geoMercator().fitExtent(
    [
      [PAD, PAD],
      [WIDTH - PAD, height - PAD],
    ],
    {
      type: "LineString",
      coordinates: [
        [west, north],
        [east, south],
      ],
    },
  );
  return { project: (lon, lat) => (p([lon, lat]) ?? [0, 0]) as [number, number], height };
})();

/** The outline's SVG paths, computed once per loaded outline (the desk is drawn again on every change). */
const outlines = new WeakMap<Land, { d: string; abroad: boolean }[]>();
function outlinePaths(land: Land): { d: string; abroad: boolean }[] {
  let paths = outlines.get(land);
  if (!paths) {
    const path = geoPath(
      geoTransform({
        point(x, y) {
          const [px, py] = VIEW.project(x, y);
          this.stream.point(px, py);
        },
      }),
    );
    paths = land.features.map((f) => ({ d: path(f) ?? "", abroad: f.properties.name !== "Netherlands" }));
    outlines.set(land, paths);
  }
  return paths;
}

const hhmm = (m: number) => `${Math.floor(m / 60)}:${String(Math.round(m % 60)).padStart(2, "0")}`;

/** Where each order's pin sits: on its town, or on a ring around it when the town has several orders. */
function pinPlaces(orders: readonly Order[], project: (lon: number, lat: number) => [number, number]) {
  const byTown = new Map<string, Order[]>();
  for (const o of orders) byTown.set(o.town, [...(byTown.get(o.town) ?? []), o]);
  const out = new Map<string, [number, number]>();
  for (const [id, list] of byTown) {
    const tw = town(id);
    const [x, y] = project(tw.lon, tw.lat);
    if (list.length === 1) {
      out.set((list[0] as Order).id, [x, y]);
      continue;
    }
    const r = PIN_R * 1.3 + list.length * 3;
    list.forEach((o, i) => {
      const a = (2 * Math.PI * i) / list.length - Math.PI / 2;
      out.set(o.id, [x + r * Math.cos(a), y + r * Math.sin(a)]);
    });
  }
  return out;
}

/** What the map shows. */
export interface MapInput {
  carrier: CarrierView;
  /** Pins can be dragged (a round is under way). */
  editable: boolean;
  /** Draw the assistant's proposal over the plan. */
  showProposal: boolean;
  /** Orders the proposal changes (ringed while the proposal is shown). */
  changed: ReadonlySet<string>;
  /** The order chosen by a tap (marked), or null. */
  picked: string | null;
  /** A tap on a pin that can move (while editable). */
  onPick: (order: string) => void;
}

/** The town labels' places: towns with orders first, then the largest, then the rest; none overlaps another or the depot's label. */
function townLabels(orders: readonly Order[], pins: ReadonlyMap<string, [number, number]>, depot: [number, number]) {
  const withOrders = new Set(orders.map((o) => o.town));
  const rank = (id: string) =>
    (withOrders.has(id) ? 0 : 1) * 100 + (MAIN_TOWNS.includes(id) ? MAIN_TOWNS.indexOf(id) : 50);
  const towns = [...TOWNS].sort((a, b) => rank(a.id) - rank(b.id));
  const depotBox = textBox(depot[0] + 12, depot[1] + 20, DEPOT.name, "start");
  const pinBoxes: Box[] = [...pins.values()].map(([x, y]) => ({
    x: x - PIN_R,
    y: y - PIN_R,
    width: 2 * PIN_R,
    height: 2 * PIN_R + 14,
  }));
  return placeLabels(
    towns.map((tw) => {
      const [x, y] = VIEW.project(tw.lon, tw.lat);
      return { id: tw.id, x, y, text: tw.name };
    }),
    [depotBox, { x: depot[0] - 9, y: depot[1] - 9, width: 18, height: 18 }],
    pinBoxes,
  );
}

/**
 * The map as an SVG tree, with the outline in `land` (none drawn when null).
 * The desk draws it again on every change and Preact updates the one SVG in
 * place: only what changed (a route, a pin's colour, the summary) is touched.
 */
export function plannerMap(input: MapInput, land: Land | null): JSX.Element {
  const { carrier: c, editable } = input;
  const { project, height } = VIEW;
  const fleetIndex = new Map(c.scenario.fleet.map((v, i) => [v.id, i]));
  const vehicleOf = new Map<string, string>();
  for (const r of c.plan.routes) for (const o of r.orders) vehicleOf.set(o, r.vehicle);
  const places = pinPlaces(c.scenario.orders, project);
  const depot = project(DEPOT.lon, DEPOT.lat);
  const lateStops = new Set(c.kpi.routes.flatMap((r) => r.stops.filter((s) => s.minutesLate > 0).map((s) => s.order)));

  const outline = (land ? outlinePaths(land) : []).map((p) =>
    h("path", { d: p.d, class: p.abroad ? "map-land map-abroad" : "map-land" }),
  );

  const routeLine = (vehicle: string, orders: readonly string[], proposal: boolean) => {
    const colour = truckColour(fleetIndex.get(vehicle) ?? 0);
    const points = [depot, ...orders.map((o) => places.get(o)).filter((p) => p !== undefined), depot];
    return h("polyline", {
      key: vehicle,
      points: points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "),
      class: proposal ? "map-route map-proposal" : "map-route",
      stroke: colour.stroke,
      "stroke-dasharray": proposal ? "4 6" : colour.dash || null,
      "data-route": vehicle,
    });
  };
  const routes = c.plan.routes.filter((r) => r.orders.length > 0).map((r) => routeLine(r.vehicle, r.orders, false));
  const proposal =
    input.showProposal && c.proposal
      ? c.proposal.routes.filter((r) => r.orders.length > 0).map((r) => routeLine(r.vehicle, r.orders, true))
      : [];

  const labels = new Map(townLabels(c.scenario.orders, places, depot).map((l) => [l.id, l]));
  const towns = TOWNS.map((tw) => {
    const [x, y] = project(tw.lon, tw.lat);
    const l = labels.get(tw.id);
    return h(
      "g",
      { key: tw.id, class: "map-town", "data-town": tw.id },
      h("circle", { cx: x, cy: y, r: 3 }),
      l ? h("text", { x: l.x, y: l.y, "text-anchor": l.anchor }, tw.name) : h("title", {}, tw.name),
    );
  });
  const depotMark = h(
    "g",
    { class: "map-depot", "data-depot": "" },
    h("rect", { x: depot[0] - 9, y: depot[1] - 9, width: 18, height: 18 }),
    h("text", { x: depot[0] + 12, y: depot[1] + 20 }, DEPOT.name),
  );

  const pins = c.scenario.orders.map((o) => {
    const [x, y] = places.get(o.id) ?? [0, 0];
    const vehicle = vehicleOf.get(o.id);
    const colour = vehicle ? truckColour(fleetIndex.get(vehicle) ?? 0) : null;
    const locked = c.locked.includes(o.id);
    const window = `${hhmm(o.ready)}-${hhmm(o.due)}`;
    const label = t("pl.order", {
      id: o.id,
      town: town(o.town).name,
      pallets: o.pallets,
      from: hhmm(o.ready),
      to: hhmm(o.due),
    });
    const state = vehicle ? t("pl.pinOn", { vehicle: truckName(c, vehicle) }) : t("pl.pinUnplanned");
    return h(
      "g",
      {
        key: o.id,
        class: [
          "map-pin",
          vehicle ? "" : "map-pin-unplanned",
          locked ? "map-pin-locked" : "",
          lateStops.has(o.id) ? "map-pin-late" : "",
          input.showProposal && input.changed.has(o.id) ? "map-pin-changed" : "",
          input.picked === o.id ? "map-pin-picked" : "",
        ]
          .filter(Boolean)
          .join(" "),
        "data-pin": o.id,
        "data-drag-order": editable && !locked ? o.id : null,
        "data-drag-label": label,
        "data-drop-vehicle": editable && vehicle && !locked ? vehicle : null,
        "data-drop-before": editable && vehicle && !locked ? o.id : null,
        onClick: editable && !locked ? () => input.onPick(o.id) : undefined,
      },
      h("title", {}, `${label} (${state})`),
      input.showProposal && input.changed.has(o.id)
        ? h("circle", { class: "map-pin-ring", cx: x, cy: y, r: PIN_R + 6 })
        : null,
      h("circle", {
        cx: x,
        cy: y,
        r: PIN_R,
        fill: colour?.stroke ?? "#ffffff",
      }),
      h("text", { x, y: y + 5, class: "map-pin-pallets", fill: colour?.text ?? "#000000" }, String(o.pallets)),
      h("text", { x, y: y + PIN_R + 12, class: "map-pin-window" }, window),
    );
  });

  const planned = c.plan.routes.reduce((a, r) => a + r.orders.length, 0);
  const trucks = c.plan.routes.filter((r) => r.orders.length > 0).length;
  return h(
    "svg",
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      class: "planner-map-svg",
      role: "img",
      "aria-labelledby": "pl-map-title",
      "data-land": land ? land.features.length : 0,
    },
    h("title", { id: "pl-map-title" }, t("pl.mapSummary", { planned, trucks, unplanned: c.kpi.unplanned.length })),
    h("rect", { class: "map-sea", x: 0, y: 0, width: WIDTH, height }),
    ...outline,
    ...towns,
    h("g", { class: "map-routes" }, ...routes),
    h("g", { class: "map-proposals" }, ...proposal),
    depotMark,
    h("g", { class: "map-pins" }, ...pins),
  );
}

/**
 * The trucks under the map as drop targets (with name, load and colour), and
 * the drop zone for taking an order off; `onTap` is called with the truck
 * (null: the drop zone) a tap lands on.
 */
export function truckDock(c: CarrierView, editable: boolean, onTap: (vehicle: string | null) => void): JSX.Element {
  return h(
    "ul",
    { className: "map-dock", "aria-label": t("pl.trucks") },
    ...c.scenario.fleet.map((v, i) => {
      const rk = c.kpi.routes.find((r) => r.vehicle === v.id);
      const out = c.unavailable.includes(v.id);
      const colour = truckColour(i);
      return h(
        "li",
        {
          key: v.id,
          className: `map-dock-truck${out ? " out" : ""}${rk?.overCapacity || rk?.overRange ? " planner-over" : ""}`,
          "data-drop-vehicle": editable && !out ? v.id : null,
          "data-dock": v.id,
          title: truckTitle(c, v.id),
          onClick: editable && !out ? () => onTap(v.id) : undefined,
        },
        h("span", {
          className: "swatch",
          style: `background:${colour.stroke};${colour.dash ? "background-image:repeating-linear-gradient(90deg,transparent 0 6px,#fff 6px 8px)" : ""}`,
          "aria-hidden": "true",
        }),
        `${truckName(c, v.id)} · ${t("pl.load", { pallets: rk?.pallets ?? 0, capacity: VEHICLES[v.type].capacityPallets })}`,
        out ? ` (${t("pl.out")})` : "",
      );
    }),
    editable
      ? h("li", { className: "map-dock-off", "data-drop-unplanned": "", onClick: () => onTap(null) }, t("pl.dropOff"))
      : null,
  );
}

/** The legend under the map. */
export function mapLegend(): JSX.Element {
  return h(
    "p",
    { className: "map-legend" },
    h("span", { className: "legend-depot", "aria-hidden": "true" }),
    ` ${t("pl.legendDepot")} `,
    h("span", { className: "legend-pin", "aria-hidden": "true" }, "6"),
    ` ${t("pl.legendPin")} `,
    h("span", { className: "legend-pin unplanned", "aria-hidden": "true" }, "4"),
    ` ${t("pl.legendUnplanned")} `,
    h("span", { className: "legend-proposal", "aria-hidden": "true" }),
    ` ${t("pl.legendProposal")}`,
  );
}
