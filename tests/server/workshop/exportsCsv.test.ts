import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { csvCell } from "../../../server/src/workshop/exportSafety.js";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { http, startWorkshopServer, type Http, type Overview } from "./plannerHarness.js";

/** Names a participant could type to attack the facilitator's spreadsheet (OWASP, CSV injection; names hold 24 characters at most). */
const HOSTILE = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"];
const NOTE = '=HYPERLINK("http://x","y")';

/** RFC 4180 CSV as csv-stringify writes it: quoted fields with doubled quotes, CRLF or LF row ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      if (c === "\r") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The CSV as objects keyed by its header. */
function records(text: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

const FORMULA = /^[=+\-@\t\r]/;

describe("csvCell", () => {
  it("prefixes text that a spreadsheet would run, and leaves numbers and plain text alone", () => {
    for (const s of [...HOSTILE, "\tx", "\rx"]) expect(csvCell(s)).toBe(`'${s}`);
    expect(csvCell("Anna")).toBe("Anna");
    expect(csvCell("")).toBe("");
    expect(csvCell(-12.5)).toBe(-12.5);
  });
});

describe("the CSV exports through the API", () => {
  let t: TestDb;
  let server: ColyseusTestServer;
  let store: WorkshopStore;
  beforeAll(async () => {
    t = await freshDatabase("sqlite");
    store = new WorkshopStore(t.db);
    await store.addFacilitator("ann@example.org", await hashPassword("correct-horse-battery"));
    ({ server } = await startWorkshopServer(t.db));
  });
  afterAll(async () => {
    await server?.shutdown();
    await t?.cleanup();
  });

  /** Creates a workshop, lets the hostile names join and forms the tables; returns the overview. */
  async function workshop(ann: Http, body: Record<string, unknown>): Promise<{ id: string; overview: Overview }> {
    const created = await ann("POST", "/workshops", body);
    expect(created.status).toBe(201);
    const w = created.data as unknown as { id: string; code: string };
    const guest = http();
    for (const name of HOSTILE) expect((await guest("POST", "/join", { code: w.code, name })).status).toBe(201);
    await ann("POST", `/workshops/${w.id}/tables/form`);
    const overview = (await ann("GET", `/workshops/${w.id}`)).data as unknown as Overview;
    expect(overview.participants.map((p) => p.name)).toEqual(HOSTILE);
    return { id: w.id, overview };
  }

  it("neutralises formulas in the quartet CSV: names, notes; places and counts stay numbers", async () => {
    const ann = http();
    await ann("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    const { id, overview } = await workshop(ann, { title: "=Regio", tableSize: 4, botLevel: "easy" });
    const table = overview.tables[0];
    if (!table) throw new Error("no table");
    // What a finished table writes: the ranking and a pick with a note.
    await store.saveResults(
      table.id,
      overview.participants.map((p, i) => ({
        player_key: `k${i}`,
        participant_id: p.id,
        player_name: p.name,
        is_bot: 0,
        place: i + 1,
        quartets: 4 - i,
      })),
    );
    const first = overview.participants[0];
    await store.savePick(table.id, {
      player_key: "k0",
      participant_id: first?.id ?? null,
      player_name: first?.name ?? "",
      theme: "A",
      card: "A-1",
      note: NOTE,
      role: "entrepreneur",
      region_phase: "aware",
    });
    const csv = await ann("GET", `/workshops/${id}/export.csv`);
    expect(csv.type).toContain("text/csv");
    const rows = records(csv.data.toString("utf8"));
    const results = rows.filter((r) => r.kind === "result");
    expect(results.map((r) => r.name)).toEqual(HOSTILE.map((n) => `'${n}`));
    expect(results.map((r) => r.place)).toEqual(["1", "2", "3", "4"]);
    const pick = rows.find((r) => r.kind === "pick");
    expect(pick?.name).toBe(`'${HOSTILE[0]}`);
    expect(pick?.note).toBe(`'${NOTE}`);
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(FORMULA);
  });

  it("neutralises formulas in the planner CSV and keeps negative numbers numbers", async () => {
    const ann = http();
    await ann("POST", "/auth/login", { email: "ann@example.org", password: "correct-horse-battery" });
    const { id, overview } = await workshop(ann, {
      title: "Planners",
      game: "planner",
      tableSize: 4,
      difficulty: 1,
      lang: "en",
    });
    for (const table of overview.tables) {
      const seated = overview.participants.filter((p) => p.tableId === table.id);
      await store.planner.saveRound(
        table.id,
        1,
        seated.map((p, seat) => ({
          seat,
          player_key: `k${seat}`,
          participant_id: p.id,
          player_name: p.name,
          round: 1,
          cost: 1000,
          km: -12.5,
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
          reference_cost: 900,
          reference_co2_kg: 70,
          reference_score: 95,
        })),
      );
      // Each planner was alone in a region of one, so collaboration could not be shown.
      await store.planner.saveProfiles(
        table.id,
        seated.map((p, seat) => ({
          seat,
          player_key: `k${seat}`,
          participant_id: p.id,
          player_name: p.name,
          efficiency: 61,
          green: 70,
          service: 100,
          adaptivity: null,
          collaboration: null,
          digital: null,
          rounds: 1,
        })),
        false,
      );
    }
    const csv = await ann("GET", `/workshops/${id}/export.csv`);
    const rows = records(csv.data.toString("utf8"));
    // Read back: what could not be shown says so in the workshop's language; the reference plan's figures are numbers.
    for (const r of rows) {
      expect([r.efficiency, r.green, r.service]).toEqual(["61", "70", "100"]);
      expect([r.adaptivity, r.collaboration, r.digital]).toEqual(["n/a", "n/a", "n/a"]);
      expect([r.reference_cost, r.reference_co2_kg, r.reference_score]).toEqual(["900", "70", "95"]);
    }
    expect(rows.map((r) => r.name).sort()).toEqual(HOSTILE.map((n) => `'${n}`).sort());
    expect(rows.map((r) => r.km)).toEqual(HOSTILE.map(() => "-12.5"));
    for (const r of rows)
      for (const [column, cell] of Object.entries(r)) if (column !== "km") expect(cell).not.toMatch(FORMULA);
  });
});
