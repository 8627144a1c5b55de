import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { card as cardInfo } from "@iot/shared/quartet/deck";
import { MISSING_GLYPH, printable } from "../../../server/src/pdf/fonts.js";
import { reportDate } from "../../../server/src/workshop/quartetReport.js";
import { TEST_PORT } from "../harness.js";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { ANN, plannerRegions, signedIn, workshopWith, type Created, saveQuartetResults } from "./exportFixtures.js";
import { startWorkshopServer, type Http, type Overview } from "./plannerHarness.js";

/** Names in the scripts the PDF font must print as typed (pdftotext reads them back exactly). */
const AS_TYPED = ["Łukasz Şahin", "Αλέξανδρος", "Дмитрий", "İlkay Gündoğan", "Antonín Dvořák"];
const ARABIC = "محمد";
/** An emoji DejaVu Sans has no glyph for: printed as the fallback. */
const EMOJI = "Anna 🦄";
const NAMES = [...AS_TYPED, ARABIC, EMOJI];

let dir: string;
let count = 0;

/** The PDF's text as pdftotext (poppler-utils) reads it, without the bidi embedding marks it wraps right-to-left runs in. */
function pdfText(pdf: Buffer, layout = false): string {
  const file = path.join(dir, `${count++}.pdf`);
  writeFileSync(file, pdf);
  const args = ["-enc", "UTF-8", ...(layout ? ["-layout"] : []), file, "-"];
  return execFileSync("pdftotext", args, { encoding: "utf8" }).replace(/[\u202a-\u202e]/g, "");
}

/** The number of pages pdfinfo (poppler-utils) counts. */
function pdfPages(pdf: Buffer): number {
  const file = path.join(dir, `${count++}.pdf`);
  writeFileSync(file, pdf);
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1] ?? 0);
}

/** Text with every run of white space (pdftotext's line breaks) as one space. */
const flat = (text: string) => text.replace(/\s+/g, " ");

/** The fonts pdffonts lists for the PDF: name and whether it is embedded. */
function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const file = path.join(dir, `${count++}.pdf`);
  writeFileSync(file, pdf);
  const lines = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type... encoding emb sub uni object ID
    return { name: cols[0] ?? "", embedded: cols.at(-5) === "yes" };
  });
}

/** What every PDF must show: the names as typed, an embedded Unicode font, the emoji's fallback and no garbage. */
function expectReadable(pdf: Buffer): void {
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const text = pdfText(pdf);
  for (const name of AS_TYPED) expect(text).toContain(name);
  // Arabic: joined letters written right to left; pdftotext gives the name back in logical order.
  expect(text).toContain(ARABIC);
  expect(text).toContain(`Anna ${MISSING_GLYPH}`);
  expect(text).not.toContain("🦄");
  expect(text).not.toContain("\ufffd");
  const fonts = pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.name).toMatch(/^[A-Z]{6}\+DejaVuSans/);
    expect(f.embedded).toBe(true);
  }
  expect(fonts.map((f) => f.name.split("+")[1])).toEqual(expect.arrayContaining(["DejaVuSans", "DejaVuSans-Bold"]));
}

describe("printable", () => {
  it("keeps what the font has and replaces each grapheme it lacks by one fallback", () => {
    expect(printable("Łukasz Şahin Дмитрий")).toBe("Łukasz Şahin Дмитрий");
    expect(printable(EMOJI)).toBe(`Anna ${MISSING_GLYPH}`);
    expect(printable("👩‍💻 Bo")).toBe(`${MISSING_GLYPH} Bo`);
    expect(printable("山田")).toBe(MISSING_GLYPH.repeat(2));
  });
});

describe("the PDFs print every name", () => {
  let t: TestDb;
  let server: ColyseusTestServer;
  let store: WorkshopStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "iot-pdf-"));
    t = await freshDatabase("sqlite");
    store = new WorkshopStore(t.db);
    await store.addFacilitator(ANN.email, await hashPassword(ANN.password));
    ({ server } = await startWorkshopServer(t.db));
  });
  afterAll(async () => {
    await server?.shutdown();
    await t?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Signs Ann in, creates a workshop, lets every name join and forms the tables. */
  async function workshop(
    body: Record<string, unknown>,
    names: readonly string[] = NAMES,
    join: { role?: string; phase?: string } = {},
  ): Promise<{ ann: Http; id: string; created: Created; overview: Overview }> {
    const ann = await signedIn();
    const { workshop: created, overview } = await workshopWith(ann, body, names, join);
    expect(overview.participants.map((p) => p.name)).toEqual(names);
    return { ann, id: created.id, created, overview };
  }

  it("the quartet workshop report", async () => {
    const { ann, id, overview } = await workshop({ title: "Regio Łódź", tableSize: 4, botLevel: "easy" });
    for (const table of overview.tables) {
      const seated = overview.participants.filter((p) => p.tableId === table.id);
      await store.saveResults(
        table.id,
        seated.map((p, i) => ({
          player_key: p.id,
          participant_id: p.id,
          player_name: p.name,
          is_bot: 0,
          place: i + 1,
          quartets: 3,
        })),
      );
      for (const p of seated) {
        await store.savePick(table.id, {
          player_key: p.id,
          participant_id: p.id,
          player_name: p.name,
          theme: "A",
          card: "A-1",
          note: `Şehir ${p.name}`,
          role: "entrepreneur",
          region_phase: "aware",
        });
      }
    }
    const pdf = await ann("GET", `/workshops/${id}/report.pdf`);
    expect(pdf.type).toContain("application/pdf");
    expectReadable(pdf.data);
    expect(pdfText(pdf.data)).toContain("Regio Łódź");
  });

  it("the quartet hand-out: date, code, facilitator, participants, line-ups, priorities and the chosen cards' full text, several pages", async () => {
    const names = ["Łukasz Żółć", "Zoë", "Antonín Dvořák", "<b>Bo</b>"];
    const { ann, id, created, overview } = await workshop(
      { title: "Regio Gdańsk", tableSize: 3, botLevel: "easy" },
      names,
      { role: "government", phase: "exchanging" },
    );
    const [first, second] = overview.tables;
    if (!first || !second) throw new Error("two tables expected");
    const atFirst = overview.participants.filter((p) => p.tableId === first.id);
    await saveQuartetResults(store, first.id, atFirst, 1);
    const chosen = ["netwerk-1", "geld-2", "beleid-3"] as const;
    for (const [i, card] of chosen.entries()) {
      const p = atFirst[i % atFirst.length];
      if (!p) throw new Error("no one at table 1");
      await store.savePick(first.id, {
        player_key: p.id,
        participant_id: p.id,
        player_name: p.name,
        theme: cardInfo(card).theme,
        card,
        note: `Notitie ${i + 1}`,
        role: "government",
        region_phase: "exchanging",
      });
    }
    const marked = await ann("PUT", `/workshops/${id}/priorities`, {
      priorities: [{ cardId: "geld-2", owner: "Łukasz Żółć", nextStep: "Subsidie aanvragen vóór 1 maart" }],
    });
    expect(marked.status).toBe(200);

    const pdf = await ann("GET", `/workshops/${id}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toContain("application/pdf");
    const text = flat(pdfText(pdf.data));
    expect(pdfPages(pdf.data)).toBeGreaterThanOrEqual(4);
    expect(text).toContain("Regio Gdańsk");
    expect(text).toContain(`Datum: ${reportDate(created.createdAt, "nl")}`);
    expect(text).toMatch(/Datum: \d{1,2} [a-z]+ 20\d\d/);
    expect(text).toContain(`Code: ${created.code}`);
    expect(text).toContain(`Begeleider: ${ANN.email}`);
    expect(text).toContain("4 deelnemers aan 2 tafels");
    for (const name of names) expect(text).toContain(name);
    // The line-up of table 1 names its participants with role and region phase, and the bot.
    expect(text).toContain("Łukasz Żółć · Regionale of lokale overheid · We wisselen kennis uit");
    expect(text).toContain("Bot Bea (bot)");
    expect(text).toMatch(/Tafel 1 .*Bot Bea \(bot\).*Tafel 2/);
    expect(text).toContain("Deze tafel is nog niet klaar.");
    // The priority with its owner and next step, then the chosen cards' full text in Dutch.
    expect(text).toContain("Prioriteiten van de workshop");
    expect(text).toContain(`1. ${cardInfo("geld-2").title.nl}`);
    expect(text).toContain(`Gekozen door: ${atFirst[1]?.name ?? ""} (Tafel 1)`);
    expect(text).toContain("Trekker: Łukasz Żółć");
    expect(text).toContain("Volgende stap: Subsidie aanvragen vóór 1 maart");
    expect(text).toContain("Notitie 1");
    for (const card of chosen) {
      const c = cardInfo(card);
      for (const part of [c.title.nl, c.action.nl, c.example.nl, c.tip.nl]) expect(text).toContain(flat(part));
    }
    expect(text).toMatch(/Pagina 1 van \d/);
    expect(text).not.toContain("\ufffd");
    for (const f of pdfFonts(pdf.data)) expect(f.embedded).toBe(true);
  });

  it("the quartet hand-out in the workshop's language: English", async () => {
    const { ann, id, created, overview } = await workshop({ title: "Region", tableSize: 3, lang: "en" }, [
      "Zoë",
      "Łukasz Żółć",
    ]);
    const table = overview.tables[0];
    const p = overview.participants[0];
    if (!table || !p) throw new Error("no table");
    await store.savePick(table.id, {
      player_key: p.id,
      participant_id: p.id,
      player_name: p.name,
      theme: "beleven",
      card: "beleven-4",
      note: "",
      role: "knowledge",
      region_phase: "funding",
    });
    const text = flat(pdfText((await ann("GET", `/workshops/${id}/report.pdf`)).data));
    expect(text).toContain(`Date: ${reportDate(created.createdAt, "en")}`);
    expect(text).toContain(`Facilitator: ${ANN.email}`);
    expect(text).toContain("The combined regional action plan");
    expect(text).toContain("Knowledge institution");
    const c = cardInfo("beleven-4");
    for (const part of [c.title.en, c.action.en, c.example.en, c.tip.en]) expect(text).toContain(flat(part));
    expect(text).not.toContain(flat(c.action.nl));
    expect(text).toMatch(/Page 1 of \d/);
  });

  it("the planner workshop report", async () => {
    const { ann, id, overview } = await workshop({
      title: "Planners Σ",
      game: "planner",
      tableSize: 4,
      difficulty: 1,
      lang: "en",
    });
    await plannerRegions(store, overview, (seat) => ({ cost: 1000 + seat }), {
      efficiency: 50,
      green: 60,
      service: 70,
      adaptivity: 40,
      collaboration: 80,
      digital: 30,
      rounds: 1,
    });
    const pdf = await ann("GET", `/workshops/${id}/report.pdf`);
    expect(pdf.type).toContain("application/pdf");
    expectReadable(pdf.data);
    expect(pdfText(pdf.data)).toContain("Planners Σ");
  });

  it("says n.v.t. / n/a where a competence could not be shown, in the workshop's and the report's language", async () => {
    const { ann, id, overview } = await workshop({
      title: "Alleen in de regio",
      game: "planner",
      tableSize: 1,
      difficulty: 1,
      lang: "nl",
    });
    for (const table of overview.tables) {
      const seated = overview.participants.filter((p) => p.tableId === table.id);
      await store.planner.saveProfiles(
        table.id,
        seated.map((p, seat) => ({
          seat,
          player_key: p.id,
          participant_id: p.id,
          player_name: p.name,
          efficiency: 64,
          green: 58,
          service: 93,
          adaptivity: 71,
          collaboration: null,
          digital: 40,
          rounds: 4,
        })),
        true,
      );
    }
    const text = pdfText((await ann("GET", `/workshops/${id}/report.pdf`)).data);
    // One planner per region: every profile chart reads "1: n.v.t." for collaboration, and the scores as numbers.
    expect(text.match(/1: n\.v\.t\./g)?.length).toBe(overview.tables.length);
    expect(text).toContain("1: 64");

    const personal = async (lang: "nl" | "en") => {
      const res = await fetch(`http://127.0.0.1:${TEST_PORT}/api/planner/report.pdf`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          lang,
          name: "Bram",
          profile: { efficiency: 64, green: 58, service: 93, adaptivity: 71, collaboration: null, digital: 40 },
          rounds: [],
        }),
      });
      expect(res.status).toBe(200);
      return pdfText(Buffer.from(await res.arrayBuffer()), true);
    };
    // Read by position: the competence's label and its value on one line of the chart.
    expect(await personal("nl")).toMatch(/Samenwerking +n\.v\.t\./);
    expect(await personal("en")).toMatch(/Collaboration +n\/a/);
    expect(await personal("en")).toMatch(/Efficiency +64/);
  });

  it("the personal planner report, one per name", async () => {
    for (const name of NAMES) {
      const res = await fetch(`http://127.0.0.1:${TEST_PORT}/api/planner/report.pdf`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          lang: "en",
          name,
          profile: { efficiency: 50, green: 60, service: 70, adaptivity: 40, collaboration: 80, digital: 30 },
          rounds: [
            {
              round: 1,
              cost: 3000,
              km: 400,
              co2Kg: 300,
              late: 1,
              unplanned: 0,
              deliveries: 15,
              referenceCost: null,
              referenceCo2Kg: null,
            },
          ],
        }),
      });
      expect(res.status).toBe(200);
      const pdf = Buffer.from(await res.arrayBuffer());
      const text = pdfText(pdf);
      expect(text).toContain(printable(name));
      expect(text).not.toContain("\ufffd");
      expect(pdfFonts(pdf).every((f) => f.embedded && f.name.includes("DejaVuSans"))).toBe(true);
    }
  });
});
