import { describe, expect, it } from "vitest";
import { disruptionAlert } from "@iot/shared/i18n/plannerDisruptions";
import { generateScenario } from "@iot/shared/planner/generator";
import { corridor, DEPOT, TOWNS, town } from "@iot/shared/planner/region";
import { hm, type Disruption, type Scenario } from "@iot/shared/planner/scenario";

const LANGS = ["nl", "en"] as const;
const IDS = [DEPOT, ...TOWNS].map((t) => t.id);

/** The town names an alert must name. */
function placesOf(d: Disruption, s: Scenario): string[] {
  if (d.kind === "rush-order") return [town(d.order.town).name];
  if (d.kind === "traffic-jam") return [town(d.from).name, town(d.to).name];
  if (d.kind === "road-closure") return [town(d.town).name];
  if (d.kind === "window-change") return [town(s.orders.find((o) => o.id === d.order)?.town ?? "").name];
  return [];
}

describe("disruption alerts", () => {
  it("name towns and orders by their names, never by their ids, in Dutch and English, for every disruption of 100 days", () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 100; seed++) {
      const s = generateScenario(seed, 4);
      for (const d of s.disruptions) {
        kinds.add(d.kind);
        for (const lang of LANGS) {
          const text = disruptionAlert(d, lang, s);
          for (const name of placesOf(d, s)) expect(text, text).toContain(name);
          // Ids are lower case ("groningen", "depot"); names start with a capital.
          for (const id of IDS) expect(text, text).not.toMatch(new RegExp(`\\b${id}\\b`));
          expect(text).not.toMatch(/\{\{|undefined|NaN/);
          // Orders are named by customer and town; their ids ("c1-o7") are the desk's, not the planner's.
          for (const o of s.orders) expect(text, text).not.toMatch(new RegExp(`\\b${o.id}\\b`));
          if (d.kind === "rush-order") expect(text, text).not.toContain(d.order.id);
          if (d.kind === "traffic-jam" && d.corridor) expect(text).toContain(corridor(d.corridor).road);
        }
      }
    }
    expect(kinds.size).toBe(6);
  });

  it("say what happened, to which truck or customer and when (hand-checked)", () => {
    const s = generateScenario(3, 1);
    const v = s.fleet[0]!;
    const o = s.orders[0]!;
    const name = (id: string) => `Wagen ${s.fleet.findIndex((x) => x.id === id) + 1}`;
    expect(disruptionAlert({ at: hm(7), kind: "driver-absent", vehicle: v.id }, "nl", s, name)).toBe(
      `De chauffeur van Wagen 1 (Elektrische bakwagen) meldt zich om 07:00 ziek: die wagen rijdt vandaag niet meer.`,
    );
    expect(disruptionAlert({ at: hm(9, 45), kind: "breakdown", vehicle: v.id }, "en", s)).toBe(
      `Breakdown: ${v.id} (Electric rigid truck) is out from 09:45. Plan its open stops on another truck.`,
    );
    const closure: Disruption = { at: hm(8), kind: "road-closure", town: "sneek", factor: 2, until: hm(10) };
    expect(disruptionAlert(closure, "nl", s)).toBe(
      "Het centrum van Sneek is afgesloten van 08:00 tot 10:00: met de omleiding duren ritten van en naar Sneek 2 keer zo lang.",
    );
    const jam: Disruption = {
      at: hm(9, 30),
      kind: "traffic-jam",
      from: "groningen",
      to: "drachten",
      corridor: "a7-west",
      factor: 2,
      until: hm(11),
    };
    expect(disruptionAlert(jam, "en", s)).toBe(
      "Traffic jam on the A7 between Groningen and Drachten, from 09:30 to 11:00: trips on it take 2 times as long.",
    );
    const moved: Disruption = { at: hm(8), kind: "window-change", order: o.id, ready: hm(14), due: hm(16) };
    expect(disruptionAlert(moved, "nl", s)).toBe(
      `${o.customer} in ${town(o.town).name} kan de levering alleen nog tussen 14:00 en 16:00 ontvangen.`,
    );
  });
});
