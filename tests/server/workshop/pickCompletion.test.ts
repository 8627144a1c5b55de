import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { http, startWorkshopServer, type Http, type Overview } from "./plannerHarness.js";

const ANN = { email: "ann@example.org", password: "correct-horse-battery" };
const BEN = { email: "ben@example.org", password: "another-long-secret" };

interface DebriefTable {
  number: number;
  plan: { name: string; theme: string; card: string; note: string; byFacilitator?: boolean }[];
  openQuartets?: string[];
}

function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "iot-pdf-")), "report.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

describe.each(["sqlite", "postgres"] as const)("the facilitator completes a missing pick on %s", (dialect) => {
  let t: TestDb;
  let server: ColyseusTestServer;
  let store: WorkshopStore;
  let ann: Http;
  let id = "";
  let tableId = "";
  let otherTable = "";

  const put = (who: Http, theme: string, body: unknown, table = tableId, workshop = id) =>
    who("PUT", `/workshops/${workshop}/tables/${table}/picks/${theme}`, body);
  const table = async (number = 1) => {
    const d = (await ann("GET", `/workshops/${id}/debrief`)).data as unknown as { tables: DebriefTable[] };
    return d.tables.find((x) => x.number === number) as DebriefTable;
  };

  beforeAll(async () => {
    t = await freshDatabase(dialect);
    store = new WorkshopStore(t.db);
    await store.addFacilitator(ANN.email, await hashPassword(ANN.password));
    await store.addFacilitator(BEN.email, await hashPassword(BEN.password));
    ({ server } = await startWorkshopServer(t.db));
    ann = http("en");
    await ann("POST", "/auth/login", ANN);
    const created = await ann("POST", "/workshops", { title: "Regio Oost", tableSize: 3 });
    const w = created.data as unknown as { id: string; code: string };
    id = w.id;
    const guest = http();
    for (const name of ["Anna", "Bram", "Cas", "Daan", "Eva", "Fien"])
      expect((await guest("POST", "/join", { code: w.code, name })).status).toBe(201);
    await ann("POST", `/workshops/${id}/tables/form`);
    const overview = (await ann("GET", `/workshops/${id}`)).data as unknown as Overview;
    tableId = overview.tables[0]?.id ?? "";
    otherTable = overview.tables[1]?.id ?? "";
    const anna = overview.participants[0] as { id: string; name: string };
    // Anna picked two quartets; the other three stayed open (deferred, or laid by bots).
    for (const [theme, card] of [
      ["netwerk", "netwerk-1"],
      ["geld", "geld-2"],
    ] as const)
      await store.savePick(tableId, {
        player_key: "k0",
        participant_id: anna.id,
        player_name: anna.name,
        theme,
        card,
        note: "",
        role: "",
        region_phase: "",
      });
  });
  afterAll(async () => {
    await server?.shutdown();
    await t?.cleanup();
  });

  it("refuses while the table plays: its players pick there", async () => {
    const r = await put(ann, "beleid", { card: "beleid-1" });
    expect(r.status).toBe(409);
    expect(r.data.code).toBe("WRONG_PHASE");
    expect((await table()).openQuartets).toBeUndefined();
  });

  it("shows the holes of a finished table and fills one, stored for the debrief, the CSV and the PDF", async () => {
    await store.updateTable(tableId, { status: "finished", finished_at: new Date().toISOString() });
    expect((await table()).openQuartets).toEqual(["beleven", "kennisoverdracht", "beleid"]);
    const r = await put(ann, "beleid", { card: "beleid-3", note: "  Met de  provincie " });
    expect(r.status).toBe(200);
    expect(r.data).toEqual({
      pick: {
        table: 1,
        name: "Begeleider",
        theme: "beleid",
        card: "beleid-3",
        note: "Met de provincie",
        role: "",
        phase: "",
        byFacilitator: true,
      },
    });
    const after = await table();
    expect(after.openQuartets).toEqual(["beleven", "kennisoverdracht"]);
    expect(after.plan.find((p) => p.theme === "beleid")).toMatchObject({ card: "beleid-3", byFacilitator: true });
    expect(after.plan.find((p) => p.theme === "netwerk")?.byFacilitator).toBeUndefined();
    const rows = await store.picks(tableId);
    expect(rows.find((p) => p.theme === "beleid")?.completed_by).toBe((await store.workshop(id))?.facilitator_id);
    const csv = String((await ann("GET", `/workshops/${id}/export.csv`)).data);
    expect(csv).toMatch(/Begeleider.*beleid-3|beleid-3.*Begeleider/);
    const pdf = pdfText((await ann("GET", `/workshops/${id}/report.pdf`)).data);
    expect(pdf).toContain("Begeleider");
  });

  it("refuses a quartet already picked, with the typed error in the caller's language", async () => {
    for (const theme of ["beleid", "netwerk"]) {
      const r = await put(ann, theme, { card: `${theme}-4` });
      expect(r.status).toBe(409);
      expect(r.data).toEqual({
        code: "ALREADY_PICKED",
        message: "An action has already been picked from this quartet.",
      });
    }
    expect((await store.picks(tableId)).find((p) => p.theme === "netwerk")?.card).toBe("netwerk-1");
  });

  it("refuses a quartet not laid at a table ended before its game was saved", async () => {
    await store.updateTable(otherTable, { status: "ended" });
    const r = await put(ann, "geld", { card: "geld-1" }, otherTable);
    expect(r.status).toBe(409);
    expect(r.data.code).toBe("QUARTET_NOT_LAID");
  });

  it("refuses bad input: no theme, a card of another theme, an unknown card, a long note, extra fields", async () => {
    for (const [theme, body] of [
      ["muziek", { card: "beleven-1" }],
      ["beleven", { card: "geld-1" }],
      ["beleven", { card: "beleven-9" }],
      ["beleven", { card: "beleven-1", note: "x".repeat(281) }],
      ["beleven", { card: "beleven-1", player: "someone" }],
      ["beleven", {}],
    ] as const) {
      const r = await put(ann, theme, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.data.code).toBe("BAD_REQUEST");
    }
    expect((await table()).openQuartets).toEqual(["beleven", "kennisoverdracht"]);
  });

  it("is for the workshop's owner only", async () => {
    const ben = http("en");
    await ben("POST", "/auth/login", BEN);
    expect((await put(ben, "beleven", { card: "beleven-1" })).data.code).toBe("FORBIDDEN");
    expect((await put(http(), "beleven", { card: "beleven-1" })).status).toBe(401);
    const own = (await ben("POST", "/workshops", { title: "Regio West", tableSize: 3 })).data as unknown as {
      id: string;
    };
    // Ben's own workshop does not reach Ann's table.
    const r = await put(ben, "beleven", { card: "beleven-1" }, tableId, own.id);
    expect(r.status).toBe(404);
    expect(r.data.code).toBe("NOT_FOUND");
    expect((await put(ann, "beleven", { card: "beleven-1" }, "no-such-table")).data.code).toBe("NOT_FOUND");
    expect((await table()).openQuartets).toEqual(["beleven", "kennisoverdracht"]);
  });
});
