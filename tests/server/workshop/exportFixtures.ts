import type { PlannerProfileRow, PlannerRoundRow } from "../../../server/src/db/schema.js";
import type { WorkshopStore } from "../../../server/src/db/store.js";
import { http, type Http, type Overview } from "./plannerHarness.js";

/** The facilitator every export test signs in as. */
export const ANN = { email: "ann@example.org", password: "correct-horse-battery" } as const;

/** Ann signed in. */
export async function signedIn(): Promise<Http> {
  const ann = http();
  await ann("POST", "/auth/login", ANN);
  return ann;
}

/** A workshop as created: its id, code and creation time. */
export interface Created {
  id: string;
  code: string;
  createdAt: string;
}

/** Creates a workshop as `ann`, lets every name join (with `join`'s role and region phase, if given) and forms the tables; returns it and its overview. */
export async function workshopWith(
  ann: Http,
  body: Record<string, unknown>,
  names: readonly string[],
  join: { role?: string; phase?: string } = {},
): Promise<{ workshop: Created; overview: Overview }> {
  const created = await ann("POST", "/workshops", body);
  if (created.status !== 201) throw new Error(`create: ${created.status}`);
  const workshop = created.data as unknown as Created;
  const guest = http();
  for (const name of names) {
    const joined = await guest("POST", "/join", { code: workshop.code, name, ...join });
    if (joined.status !== 201) throw new Error(`join ${name}: ${joined.status}`);
  }
  await ann("POST", `/workshops/${workshop.id}/tables/form`);
  const overview = (await ann("GET", `/workshops/${workshop.id}`)).data as unknown as Overview;
  return { workshop, overview };
}

type Seated = Overview["participants"][number];
type RoundFigures = Omit<
  PlannerRoundRow,
  "id" | "table_id" | "seat" | "player_key" | "participant_id" | "player_name" | "created_at"
>;
type ProfileFigures = Pick<
  PlannerProfileRow,
  "efficiency" | "green" | "service" | "adaptivity" | "collaboration" | "digital" | "rounds"
>;

/** A planner round as a region writes it when the round ends: 10 orders delivered, 1000 EUR, 300 km, 80 kg CO2, unless `figures` says otherwise. */
export function roundRow(p: Seated, seat: number, figures: Partial<RoundFigures> = {}) {
  return {
    seat,
    player_key: p.id,
    participant_id: p.id,
    player_name: p.name,
    round: 1,
    cost: 1000,
    km: 300,
    co2_kg: 80,
    late: 0,
    minutes_late: 0,
    unplanned: 0,
    deliveries: 10,
    orders: 10,
    solo_cost: 1000,
    solo_co2_kg: 80,
    score: 100,
    assistant_cost: null,
    assistant_co2_kg: null,
    assistant_score: null,
    reference_cost: null,
    reference_co2_kg: null,
    reference_score: null,
    ...figures,
  };
}

/** Saves round 1 of every planner region of `overview` (figures per seat from `figures`) and each planner's profile. */
export async function plannerRegions(
  store: WorkshopStore,
  overview: Overview,
  figures: (seat: number) => Partial<RoundFigures>,
  profile: ProfileFigures,
): Promise<void> {
  for (const table of overview.tables) {
    const seated = overview.participants.filter((p) => p.tableId === table.id);
    await store.planner.saveRound(
      table.id,
      1,
      seated.map((p, seat) => roundRow(p, seat, figures(seat))),
    );
    await store.planner.saveProfiles(
      table.id,
      seated.map((p, seat) => ({ seat, player_key: p.id, participant_id: p.id, player_name: p.name, ...profile })),
      profile.rounds === 4,
    );
  }
}

/**
 * Saves a finished quartet table's results: `seated` in their order (place
 * 1, 2, ...; 3, 2, ... quartets) and a bot "Bot Bea" third with `botQuartets`.
 */
export async function saveQuartetResults(
  store: WorkshopStore,
  tableId: string,
  seated: readonly { id: string; name: string }[],
  botQuartets: number,
): Promise<void> {
  await store.saveResults(tableId, [
    ...seated.map((p, i) => ({
      player_key: p.id,
      participant_id: p.id,
      player_name: p.name,
      is_bot: 0,
      place: i + 1,
      quartets: 3 - i,
    })),
    { player_key: "bot", participant_id: null, player_name: "Bot Bea", is_bot: 1, place: 3, quartets: botQuartets },
  ]);
}
