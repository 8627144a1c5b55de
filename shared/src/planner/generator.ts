import { createRng, pick, type Rng } from "../rng.js";
import { drawDisruptions, weightedPick } from "./disruptions.js";
import { TOWNS } from "./region.js";
import { hm, type FleetVehicle, type Order, type Scenario } from "./scenario.js";
import type { VehicleTypeId } from "./vehicles.js";

/** Difficulty levels and their number of orders. */
export const DIFFICULTY_ORDERS = { 1: 15, 2: 30, 3: 45, 4: 60 } as const;
export type Difficulty = keyof typeof DIFFICULTY_ORDERS;

/** Delivery windows customers ask for (minutes after midnight). */
const WINDOWS: [number, number][] = [
  [hm(7), hm(11)],
  [hm(8), hm(12)],
  [hm(10), hm(14)],
  [hm(12), hm(16)],
  [hm(13), hm(17)],
  [hm(7), hm(17)],
];

const CUSTOMERS = [
  "Bouwmarkt",
  "Supermarkt",
  "Apotheek",
  "Tuincentrum",
  "Groothandel",
  "Zorginstelling",
  "School",
  "Bakkerij",
];

const FLOOR_TEXTS = [
  {
    text: {
      nl: "De chauffeur weet: de winkelier neemt geen vrachtwagen aan vóór 10:00.",
      en: "The driver knows: the shop takes no lorry before 10:00.",
    },
    notBefore: hm(10),
  },
  {
    text: {
      nl: "Vandaag is er markt: de straat is tot 12:00 afgesloten.",
      en: "It is market day: the street is closed until 12:00.",
    },
    notBefore: hm(12),
  },
  {
    text: {
      nl: "Het laadperron is 's ochtends bezet door de eigen leverancier; na 11:00 is er plek.",
      en: "The loading bay is taken by another supplier in the morning; there is room after 11:00.",
    },
    notBefore: hm(11),
  },
];

function order(rng: Rng, i: number): Order {
  const [ready, due] = pick(rng, WINDOWS);
  const pallets = rng.int(1, 6);
  const o: Order = {
    id: `o${i + 1}`,
    // Shops, schools and care homes go with the people: a town's share of the orders is its share of the inhabitants.
    town: weightedPick(rng, TOWNS, (t) => t.population).id,
    customer: `${pick(rng, CUSTOMERS)} ${i + 1}`,
    pallets,
    ready,
    due,
    serviceMin: 10 + 3 * pallets,
  };
  if (rng.int(1, 100) <= 15) {
    const f = pick(rng, FLOOR_TEXTS);
    // Floor knowledge only matters when it is tighter than the window and leaves room to deliver.
    if (f.notBefore > ready && f.notBefore + 60 <= due) o.floor = { text: f.text, notBefore: f.notBefore };
  }
  return o;
}

/**
 * A day of deliveries for one carrier, the same for the same seed: 15, 30,
 * 45 or 60 orders in towns of the north, each town drawn in proportion to its
 * inhabitants (`region.ts`), windows between 07:00 and 17:00, floor knowledge
 * on about one order in seven, a mixed fleet with room for about a fifth more
 * pallets than ordered, and the disruptions of the difficulty drawn from the
 * catalogue (`disruptions.ts`: 3, 4, 5 or 6, sorted by time).
 */
export function generateScenario(seed: number, difficulty: Difficulty): Scenario {
  const rng = createRng(seed);
  const count = DIFFICULTY_ORDERS[difficulty];
  const orders = Array.from({ length: count }, (_, i) => order(rng, i));
  const pallets = orders.reduce((a, o) => a + o.pallets, 0);
  const fleet: FleetVehicle[] = [];
  let room = 0;
  const types: VehicleTypeId[] = ["electric-rigid", "diesel-rigid", "diesel-trailer", "diesel-rigid"];
  const capacity: Record<VehicleTypeId, number> = { "electric-rigid": 16, "diesel-rigid": 18, "diesel-trailer": 33 };
  for (let i = 0; room < pallets * 1.2 || fleet.length < 2; i++) {
    const type = types[i % types.length] as VehicleTypeId;
    fleet.push({ id: `v${fleet.length + 1}`, type });
    room += capacity[type];
  }
  let extra = count;
  const disruptions = drawDisruptions(rng, difficulty, {
    orders,
    fleet,
    newOrder: (id) => ({ ...order(rng, extra++), id }),
  });
  return {
    id: `generated-${seed}-${difficulty}`,
    title: { nl: `Dag met ${count} orders`, en: `A day with ${count} orders` },
    dayStart: hm(6, 30),
    dayEnd: hm(19),
    orders,
    fleet,
    disruptions,
  };
}
