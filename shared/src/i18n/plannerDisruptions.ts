import type { Lang } from "../protocol.js";
import { corridor, town } from "../planner/region.js";
import type { Disruption, Scenario } from "../planner/scenario.js";
import { VEHICLES } from "../planner/vehicles.js";

type AlertKey = Disruption["kind"] | "traffic-jam-pair";

/** The alert of each kind of disruption; `{{…}}` are filled by {@link disruptionAlert}, names as plain text. */
export const disruptionAlertTexts: Record<Lang, Record<AlertKey, string>> = {
  nl: {
    breakdown: "Pech onderweg: {{vehicle}} ({{type}}) valt om {{at}} uit. Plan de open stops op een andere wagen.",
    "driver-absent":
      "De chauffeur van {{vehicle}} ({{type}}) meldt zich om {{at}} ziek: die wagen rijdt vandaag niet meer.",
    "rush-order":
      "Spoedorder: {{pallets}} pallets voor {{customer}} in {{town}}, te leveren tussen {{ready}} en {{due}}.",
    "traffic-jam":
      "File op de {{road}} tussen {{from}} en {{to}}, van {{at}} tot {{until}}: ritten daarover duren {{factor}} keer zo lang.",
    "traffic-jam-pair":
      "File tussen {{from}} en {{to}}, van {{at}} tot {{until}}: ritten daartussen duren {{factor}} keer zo lang.",
    "road-closure":
      "Het centrum van {{town}} is afgesloten van {{at}} tot {{until}}: met de omleiding duren ritten van en naar {{town}} {{factor}} keer zo lang.",
    "window-change": "{{customer}} in {{town}} kan de levering alleen nog tussen {{ready}} en {{due}} ontvangen.",
  },
  en: {
    breakdown: "Breakdown: {{vehicle}} ({{type}}) is out from {{at}}. Plan its open stops on another truck.",
    "driver-absent":
      "The driver of {{vehicle}} ({{type}}) calls in sick at {{at}}: that truck does not drive any more today.",
    "rush-order":
      "Rush order: {{pallets}} pallets for {{customer}} in {{town}}, to deliver between {{ready}} and {{due}}.",
    "traffic-jam":
      "Traffic jam on the {{road}} between {{from}} and {{to}}, from {{at}} to {{until}}: trips on it take {{factor}} times as long.",
    "traffic-jam-pair":
      "Traffic jam between {{from}} and {{to}}, from {{at}} to {{until}}: trips between them take {{factor}} times as long.",
    "road-closure":
      "The centre of {{town}} is closed from {{at}} to {{until}}: with the detour, trips to and from {{town}} take {{factor}} times as long.",
    "window-change": "{{customer}} in {{town}} can now only take the delivery between {{ready}} and {{due}}.",
  },
};

/** "hh:mm" for minutes after midnight. */
const clock = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(Math.round(m % 60)).padStart(2, "0")}`;

const placeName = (id: string): string => {
  try {
    return town(id).name;
  } catch {
    return id;
  }
};

/**
 * The alert a planner reads when disruption `d` reaches their day, in
 * `lang`: what happened, to which truck (its id as the desk shows it and its
 * type) or which customer, where (town names, never ids) and when, and what
 * it does to the day. `day` is the carrier's day (its fleet and orders name
 * the truck and the customer); `vehicleName` gives a truck's name as the
 * desk shows it (default its id).
 */
export function disruptionAlert(
  d: Disruption,
  lang: Lang,
  day: Pick<Scenario, "fleet" | "orders">,
  vehicleName: (id: string) => string = (id) => id,
): string {
  const fill: Record<string, string | number> = { at: clock(d.at) };
  let key: AlertKey = d.kind;
  if (d.kind === "breakdown" || d.kind === "driver-absent") {
    const type = day.fleet.find((v) => v.id === d.vehicle)?.type;
    fill.vehicle = vehicleName(d.vehicle);
    fill.type = type ? VEHICLES[type].name[lang] : "";
  } else if (d.kind === "rush-order") {
    Object.assign(fill, {
      pallets: d.order.pallets,
      customer: d.order.customer,
      town: placeName(d.order.town),
      ready: clock(d.order.ready),
      due: clock(d.order.due),
    });
  } else if (d.kind === "traffic-jam") {
    Object.assign(fill, { from: placeName(d.from), to: placeName(d.to), until: clock(d.until), factor: d.factor });
    if (d.corridor === undefined) key = "traffic-jam-pair";
    else fill.road = corridor(d.corridor).road;
  } else if (d.kind === "road-closure") {
    Object.assign(fill, { town: placeName(d.town), until: clock(d.until), factor: d.factor });
  } else {
    const o = day.orders.find((x) => x.id === d.order);
    Object.assign(fill, {
      customer: o?.customer ?? "",
      town: o ? placeName(o.town) : "",
      ready: clock(d.ready),
      due: clock(d.due),
    });
  }
  return disruptionAlertTexts[lang][key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(fill[k] ?? ""));
}
