import { hm, type Order, type Scenario } from "./scenario.js";

const o = (
  id: string,
  town: string,
  customer: string,
  pallets: number,
  window: [number, number],
  floor?: Order["floor"],
): Order => ({
  id,
  town,
  customer,
  pallets,
  ready: window[0],
  due: window[1],
  serviceMin: 10 + 3 * pallets,
  ...(floor ? { floor } : {}),
});

const MORNING: [number, number] = [hm(7), hm(11)];
const MIDDAY: [number, number] = [hm(10), hm(14)];
const AFTERNOON: [number, number] = [hm(13), hm(17)];
const DAY: [number, number] = [hm(7), hm(17)];
const noLorryBefore10 = {
  text: {
    nl: "De chauffeur weet: hier geen vrachtwagen vóór 10:00.",
    en: "The driver knows: no lorry here before 10:00.",
  },
  notBefore: hm(10),
};
const marketDay = {
  text: { nl: "Marktdag: de straat is dicht tot 12:00.", en: "Market day: the street is closed until 12:00." },
  notBefore: hm(12),
};

/**
 * Hand-made days for workshops, from a small round to a busy day across three
 * provinces, each with disruptions of the catalogue's kinds (sorted by time).
 */
export const WORKSHOP_SCENARIOS: readonly Scenario[] = [
  {
    id: "stad-en-ommeland",
    title: { nl: "Stad en Ommeland: een rustige ochtend", en: "City and surroundings: a quiet morning" },
    dayStart: hm(6, 30),
    dayEnd: hm(18),
    orders: [
      o("s1", "groningen", "Supermarkt Centrum", 4, MORNING, noLorryBefore10),
      o("s2", "zuidhorn", "Bouwmarkt Zuidhorn", 3, DAY),
      o("s3", "leek", "Tuincentrum Leek", 5, MIDDAY),
      o("s4", "roden", "Apotheek Roden", 1, MORNING),
      o("s5", "hoogezand", "Groothandel Hoogezand", 6, DAY),
      o("s6", "veendam", "Zorginstelling Veendam", 2, MIDDAY),
      o("s7", "appingedam", "Bakkerij Appingedam", 2, MORNING),
      o("s8", "delfzijl", "Havenbedrijf Delfzijl", 6, AFTERNOON),
      o("s9", "uithuizen", "School Uithuizen", 1, MIDDAY),
      o("s10", "assen", "Bouwmarkt Assen", 4, DAY),
      o("s11", "groningen", "Ziekenhuis Groningen", 3, MORNING),
      o("s12", "winschoten", "Supermarkt Winschoten", 5, AFTERNOON),
      o("s13", "stadskanaal", "Groothandel Stadskanaal", 4, MIDDAY, marketDay),
      o("s14", "assen", "Apotheek Assen", 1, AFTERNOON),
      o("s15", "zuidhorn", "Bakkerij Zuidhorn", 2, MORNING),
    ],
    fleet: [
      { id: "e1", type: "electric-rigid" },
      { id: "r1", type: "diesel-rigid" },
      { id: "r2", type: "diesel-rigid" },
    ],
    disruptions: [
      { at: hm(9), kind: "traffic-jam", from: "groningen", to: "assen", corridor: "a28", factor: 2, until: hm(10, 30) },
      { at: hm(9, 30), kind: "window-change", order: "s12", ready: hm(15), due: hm(17, 30) },
      { at: hm(11), kind: "breakdown", vehicle: "r2" },
    ],
  },
  {
    id: "friesland-drenthe",
    title: { nl: "Friesland en Drenthe: lange lijnen", en: "Friesland and Drenthe: long runs" },
    dayStart: hm(6),
    dayEnd: hm(19),
    orders: [
      o("f1", "leeuwarden", "Groothandel Leeuwarden", 8, MORNING),
      o("f2", "sneek", "Bouwmarkt Sneek", 5, MIDDAY),
      o("f3", "harlingen", "Haven Harlingen", 10, DAY),
      o("f4", "franeker", "Supermarkt Franeker", 4, MORNING, noLorryBefore10),
      o("f5", "bolsward", "Zuivel Bolsward", 6, AFTERNOON),
      o("f6", "joure", "Koffiebranderij Joure", 7, MIDDAY),
      o("f7", "heerenveen", "Sportcentrum Heerenveen", 3, DAY),
      o("f8", "wolvega", "Tuincentrum Wolvega", 5, AFTERNOON),
      o("f9", "drachten", "Fabriek Drachten", 9, MORNING),
      o("f10", "dokkum", "Supermarkt Dokkum", 4, MIDDAY, marketDay),
      o("f11", "meppel", "Drukkerij Meppel", 6, AFTERNOON),
      o("f12", "hoogeveen", "Bouwmarkt Hoogeveen", 5, DAY),
      o("f13", "beilen", "Zorginstelling Beilen", 2, MORNING),
      o("f14", "emmen", "Dierenpark Emmen", 4, MIDDAY),
      o("f15", "coevorden", "Groothandel Coevorden", 7, AFTERNOON),
      o("f16", "assen", "TT-circuit Assen", 3, DAY),
      o("f17", "leeuwarden", "Apotheek Leeuwarden", 1, AFTERNOON),
      o("f18", "drachten", "School Drachten", 2, MIDDAY),
      o("f19", "emmen", "Ziekenhuis Emmen", 3, MORNING),
      o("f20", "heerenveen", "Bakkerij Heerenveen", 2, MORNING),
    ],
    fleet: [
      { id: "t1", type: "diesel-trailer" },
      { id: "t2", type: "diesel-trailer" },
      { id: "r1", type: "diesel-rigid" },
      { id: "e1", type: "electric-rigid" },
    ],
    disruptions: [
      { at: hm(8), kind: "driver-absent", vehicle: "r1" },
      { at: hm(9), kind: "road-closure", town: "sneek", factor: 2, until: hm(11) },
      { at: hm(10, 30), kind: "rush-order", order: o("rush-f", "sneek", "Spoed Sneek", 3, [hm(11), hm(15)]) },
    ],
  },
  {
    id: "piekdag-noorden",
    title: { nl: "Piekdag in het Noorden", en: "Peak day in the North" },
    dayStart: hm(6),
    dayEnd: hm(19),
    orders: [
      ["groningen", 6, MORNING],
      ["groningen", 3, MIDDAY],
      ["assen", 5, DAY],
      ["leeuwarden", 7, MORNING],
      ["drachten", 4, MIDDAY],
      ["emmen", 6, AFTERNOON],
      ["hoogeveen", 3, MORNING],
      ["meppel", 5, MIDDAY],
      ["sneek", 4, AFTERNOON],
      ["heerenveen", 6, DAY],
      ["delfzijl", 8, MORNING],
      ["veendam", 3, MIDDAY],
      ["winschoten", 4, AFTERNOON],
      ["stadskanaal", 5, DAY],
      ["hoogezand", 2, MORNING],
      ["zuidhorn", 3, MIDDAY],
      ["leek", 4, AFTERNOON],
      ["roden", 2, DAY],
      ["dokkum", 5, MORNING],
      ["harlingen", 6, MIDDAY],
      ["franeker", 3, AFTERNOON],
      ["joure", 4, DAY],
      ["wolvega", 2, MORNING],
      ["bolsward", 3, MIDDAY],
      ["coevorden", 5, AFTERNOON],
      ["beilen", 2, DAY],
      ["appingedam", 3, MORNING],
      ["uithuizen", 2, MIDDAY],
      ["groningen", 4, AFTERNOON],
      ["assen", 3, MIDDAY],
    ].map(([t, p, w], i) =>
      o(
        `p${i + 1}`,
        t as string,
        `Klant ${i + 1}`,
        p as number,
        w as [number, number],
        i % 9 === 4 ? noLorryBefore10 : undefined,
      ),
    ),
    fleet: [
      { id: "t1", type: "diesel-trailer" },
      { id: "r1", type: "diesel-rigid" },
      { id: "r2", type: "diesel-rigid" },
      { id: "r3", type: "diesel-rigid" },
      { id: "e1", type: "electric-rigid" },
      { id: "e2", type: "electric-rigid" },
    ],
    disruptions: [
      {
        at: hm(9, 30),
        kind: "traffic-jam",
        from: "groningen",
        to: "drachten",
        corridor: "a7-west",
        factor: 2.5,
        until: hm(11),
      },
      { at: hm(10), kind: "rush-order", order: o("rush-p", "assen", "Spoed Assen", 2, [hm(11), hm(14)]) },
      { at: hm(12), kind: "breakdown", vehicle: "r3" },
    ],
  },
];
