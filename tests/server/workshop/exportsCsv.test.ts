import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { card as cardInfo } from "@iot/shared/quartet/deck";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { CSV_BOM, csvCell } from "../../../server/src/workshop/exportSafety.js";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { ANN, plannerRegions, roundRow, signedIn, workshopWith, saveQuartetResults } from "./exportFixtures.js";
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

/** The CSV as objects keyed by its header; it must start with the UTF-8 byte order mark (Excel reads UTF-8 only then). */
function records(text: string): Record<string, string>[] {
  if (!text.startsWith(CSV_BOM)) throw new Error("no UTF-8 BOM");
  const [header = [], ...rows] = parseCsv(text.slice(CSV_BOM.length));
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

describe.each(["sqlite", "postgres"] as const)("the CSV exports through the API on %s", (dialect) => {
  let t: TestDb;
  let server: ColyseusTestServer;
  let store: WorkshopStore;
  beforeAll(async () => {
    t = await freshDatabase(dialect);
    store = new WorkshopStore(t.db);
    await store.addFacilitator(ANN.email, await hashPassword(ANN.password));
    ({ server } = await startWorkshopServer(t.db));
  });
  afterAll(async () => {
    await server?.shutdown();
    await t?.cleanup();
  });

  /** Creates a workshop, lets the hostile names join and forms the tables; returns the overview. */
  async function workshop(ann: Http, body: Record<string, unknown>): Promise<{ id: string; overview: Overview }> {
    const { workshop: w, overview } = await workshopWith(ann, body, HOSTILE);
    expect(overview.participants.map((p) => p.name)).toEqual(HOSTILE);
    return { id: w.id, overview };
  }

  it("neutralises formulas in the quartet CSV: names, notes; places and counts stay numbers", async () => {
    const ann = await signedIn();
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
    const ann = await signedIn();
    const { id, overview } = await workshop(ann, {
      title: "Planners",
      game: "planner",
      tableSize: 4,
      difficulty: 1,
      lang: "en",
    });
    // Each planner was alone in a region of one, so collaboration could not be shown.
    await plannerRegions(
      store,
      overview,
      () => ({ km: -12.5, reference_cost: 900, reference_co2_kg: 70, reference_score: 95 }),
      {
        efficiency: 61,
        green: 70,
        service: 100,
        adaptivity: null,
        collaboration: null,
        digital: null,
        rounds: 1,
      },
    );
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

  it("writes one row per participant and table (quartet): Excel-safe, UTF-8 with BOM, places as numbers", async () => {
    const ann = await signedIn();
    const names = ["=1+1", "Łukasz Żółć", "Zoë", "Anna"];
    const { workshop: w, overview } = await workshopWith(
      ann,
      { title: "Rijen", tableSize: 3, botLevel: "easy" },
      names,
      { role: "entrepreneur", phase: "funding" },
    );
    const [first, second] = overview.tables;
    if (!first || !second) throw new Error("two tables expected");
    const atFirst = overview.participants.filter((p) => p.tableId === first.id);
    const atSecond = overview.participants.filter((p) => p.tableId === second.id);
    // Table 1 finished, with a bot that took a seat; table 2 still plays.
    await saveQuartetResults(store, first.id, atFirst, 0);
    const picker = atFirst[0];
    if (!picker) throw new Error("no one at table 1");
    for (const [theme, card] of [
      ["netwerk", "netwerk-1"],
      ["geld", "geld-2"],
    ] as const)
      await store.savePick(first.id, {
        player_key: picker.id,
        participant_id: picker.id,
        player_name: picker.name,
        theme,
        card,
        note: "=1+1",
        role: "entrepreneur",
        region_phase: "aware",
      });
    const res = await ann("GET", `/workshops/${w.id}/participants.csv`);
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/csv");
    const bytes = res.data;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = records(bytes.toString("utf8"));
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "table",
      "table_status",
      "name",
      "player",
      "role",
      "region_phase",
      "place",
      "quartets",
      "picks",
      "cards",
      "notes",
    ]);
    // One row per player per table: two participants and the bot at table 1, two participants at table 2.
    expect(rows.map((r) => [r.table, r.name])).toEqual([
      ...atFirst.map((p) => ["1", p.name === "=1+1" ? "'=1+1" : p.name]),
      ["1", "Bot Bea"],
      ...atSecond.map((p) => ["2", p.name === "=1+1" ? "'=1+1" : p.name]),
    ]);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.has("Łukasz Żółć")).toBe(true);
    expect(byName.has("Zoë")).toBe(true);
    expect(byName.get("'=1+1")?.role).toBe("Ondernemer");
    expect(byName.get("Zoë")?.region_phase).toBe("Er zijn regelingen en financiering");
    const pickerRow = byName.get(picker.name === "=1+1" ? "'=1+1" : picker.name);
    expect(pickerRow?.place).toBe("1");
    expect(pickerRow?.quartets).toBe("3");
    expect(pickerRow?.picks).toBe("2");
    expect(pickerRow?.cards?.split(" | ")).toEqual([cardInfo("netwerk-1").title.nl, cardInfo("geld-2").title.nl]);
    expect(pickerRow?.notes).toBe("'=1+1 | =1+1");
    expect(byName.get("Bot Bea")?.player).toBe("bot");
    for (const p of atSecond) expect(byName.get(p.name === "=1+1" ? "'=1+1" : p.name)?.place).toBe("");
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(FORMULA);
  });

  it("writes one row per planner and round (planner), with the profile on each", async () => {
    const ann = await signedIn();
    const { workshop: w, overview } = await workshopWith(
      ann,
      { title: "Rondes", game: "planner", tableSize: 2, difficulty: 1, lang: "en" },
      ["Łukasz Żółć", "=1+1"],
    );
    await plannerRegions(store, overview, (seat) => ({ cost: 1000 + seat }), {
      efficiency: 50,
      green: 60,
      service: 70,
      adaptivity: 40,
      collaboration: 80,
      digital: 30,
      rounds: 2,
    });
    for (const table of overview.tables) {
      const seated = overview.participants.filter((p) => p.tableId === table.id);
      await store.planner.saveRound(
        table.id,
        2,
        seated.map((p, seat) => roundRow(p, seat, { round: 2, cost: 900 })),
      );
    }
    const rows = records((await ann("GET", `/workshops/${w.id}/participants.csv`)).data.toString("utf8"));
    expect(rows.map((r) => [r.name, r.round]).sort()).toEqual([
      ["'=1+1", "1"],
      ["'=1+1", "2"],
      ["Łukasz Żółć", "1"],
      ["Łukasz Żółć", "2"],
    ]);
    for (const r of rows) expect(r.efficiency).toBe("50");
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(FORMULA);
  });

  it("is the owner's only", async () => {
    const ann = await signedIn();
    const { workshop: w } = await workshopWith(ann, { title: "Van Ann", tableSize: 4 }, []);
    await store.addFacilitator(`bo-${dialect}@example.org`, await hashPassword("another-long-password"));
    const bo = http();
    await bo("POST", "/auth/login", { email: `bo-${dialect}@example.org`, password: "another-long-password" });
    const other = await bo("GET", `/workshops/${w.id}/participants.csv`);
    expect(other.status).toBe(403);
    expect(other.data.code).toBe("FORBIDDEN");
    const anonymous = await http()("GET", `/workshops/${w.id}/participants.csv`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.data.code).toBe("UNAUTHORIZED");
  });
});
