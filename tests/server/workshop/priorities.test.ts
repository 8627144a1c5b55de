import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { hashPassword } from "../../../server/src/workshop/auth.js";
import { PRIORITY_OWNER_MAX, PRIORITY_STEP_MAX } from "@iot/shared/workshop/debrief";
import { freshDatabase, type TestDb } from "../db/databases.js";
import { http, startWorkshopServer, type Http, type Overview } from "./plannerHarness.js";

const ANN = { email: "ann@example.org", password: "correct-horse-battery" };
const BEN = { email: "ben@example.org", password: "another-long-secret" };
/** A Polish owner (letters outside Latin-1) and a next step a spreadsheet would read as a formula. */
const OWNER = "Łukasz Żółć";
const FORMULA = "=1+1";

describe.each(["sqlite", "postgres"] as const)("the workshop's priorities on %s", (dialect) => {
  let t: TestDb;
  let server: ColyseusTestServer;
  let store: WorkshopStore;
  let ann: Http;
  let id = "";
  let tableId = "";
  let participant = { id: "", name: "" };

  /** What a table writes when player `key` picks `card` of `theme` (a new pick of the same theme replaces it). */
  const pick = (key: string, theme: string, card: string) =>
    store.savePick(tableId, {
      player_key: key,
      participant_id: participant.id,
      player_name: participant.name,
      theme,
      card,
      note: "",
      role: "",
      region_phase: "",
    });
  const put = (who: Http, body: unknown, workshop = id) => who("PUT", `/workshops/${workshop}/priorities`, body);
  const debrief = async () =>
    (await ann("GET", `/workshops/${id}/debrief`)).data as unknown as {
      priorities: { cardId: string; owner: string; nextStep: string }[];
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
    for (const name of ["Anna", "Bram"])
      expect((await guest("POST", "/join", { code: w.code, name })).status).toBe(201);
    await ann("POST", `/workshops/${id}/tables/form`);
    const overview = (await ann("GET", `/workshops/${id}`)).data as unknown as Overview;
    tableId = overview.tables[0]?.id ?? "";
    participant = overview.participants[0] ?? participant;
    await pick("k0", "netwerk", "netwerk-1");
    await pick("k0", "beleven", "beleven-2");
    await pick("k1", "kennisoverdracht", "kennisoverdracht-3");
  });
  afterAll(async () => {
    await server?.shutdown();
    await t?.cleanup();
  });

  it("stores the list its owner puts, in order, with names and formula-looking text as typed", async () => {
    expect((await debrief()).priorities).toEqual([]);
    const list = [
      { cardId: "kennisoverdracht-3", owner: OWNER, nextStep: FORMULA },
      { cardId: "netwerk-1", owner: "  Gemeente\u00a0 Zwolle ", nextStep: "Overleg plannen\nin januari" },
    ];
    const saved = await put(ann, { priorities: list });
    expect(saved.status).toBe(200);
    const cleaned = [
      list[0],
      { cardId: "netwerk-1", owner: "Gemeente Zwolle", nextStep: "Overleg plannen in januari" },
    ];
    expect(saved.data).toEqual({ priorities: cleaned });
    expect((await debrief()).priorities).toEqual(cleaned);
    // A new list replaces the old one; an empty owner and next step are allowed.
    const next = [
      { cardId: "netwerk-1", owner: "", nextStep: "" },
      { cardId: "beleven-2", owner: OWNER, nextStep: FORMULA },
    ];
    expect((await put(ann, { priorities: next })).data).toEqual({ priorities: next });
    expect((await debrief()).priorities).toEqual(next);
  });

  it("keeps a priority out of the debrief once its card is no longer in the plan", async () => {
    await put(ann, { priorities: [{ cardId: "beleven-2", owner: OWNER, nextStep: FORMULA }] });
    // The same player picks another card of theme B: B-2 leaves the plan.
    await pick("k0", "beleven", "beleven-4");
    expect((await debrief()).priorities).toEqual([]);
    await pick("k0", "beleven", "beleven-2");
    expect((await debrief()).priorities).toEqual([{ cardId: "beleven-2", owner: OWNER, nextStep: FORMULA }]);
  });

  it("puts a priority's place, owner and next step on the CSV rows of its card, the formula neutralised", async () => {
    await put(ann, { priorities: [{ cardId: "beleven-2", owner: OWNER, nextStep: FORMULA }] });
    const csv = await ann("GET", `/workshops/${id}/export.csv`);
    const [header, ...lines] = csv.data
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(header?.endsWith(",note,priority,owner,next_step")).toBe(true);
    const columns = (line: string) => line.split(",");
    const beleven = lines.filter((l) => l.startsWith("pick,") && columns(l)[7] === "beleven-2");
    expect(beleven).toHaveLength(1);
    expect(columns(beleven[0] ?? "").slice(-3)).toEqual(["1", OWNER, "'=1+1"]);
    const others = lines.filter((l) => l.startsWith("pick,") && columns(l)[7] !== "beleven-2");
    expect(others.length).toBeGreaterThan(0);
    for (const l of others) expect(columns(l).slice(-3)).toEqual(["", "", ""]);
  });

  it("answers only the owner: signed out 401, another facilitator 403, an unknown workshop 404", async () => {
    const body = { priorities: [{ cardId: "netwerk-1", owner: "x", nextStep: "y" }] };
    expect(await put(http("en"), body)).toMatchObject({ status: 401, data: { code: "UNAUTHORIZED" } });
    const ben = http("en");
    await ben("POST", "/auth/login", BEN);
    expect(await put(ben, body)).toMatchObject({
      status: 403,
      data: { code: "FORBIDDEN", message: "This is not your workshop." },
    });
    expect(await put(ann, body, "no-such-workshop")).toMatchObject({ status: 404, data: { code: "NOT_FOUND" } });
    // Nothing changed for the owner.
    expect((await debrief()).priorities).toEqual([{ cardId: "beleven-2", owner: OWNER, nextStep: FORMULA }]);
  });

  it("refuses malformed lists with BAD_REQUEST and cards no table picked with NOT_IN_PLAN", async () => {
    const ok = { cardId: "netwerk-1", owner: "x", nextStep: "y" };
    for (const body of [
      {},
      { priorities: "netwerk-1" },
      { priorities: [{ ...ok, cardId: "Z-9" }] },
      { priorities: [ok, { ...ok, owner: "other" }] },
      { priorities: [{ ...ok, owner: "x".repeat(PRIORITY_OWNER_MAX + 1) }] },
      { priorities: [{ ...ok, nextStep: "x".repeat(PRIORITY_STEP_MAX + 1) }] },
      { priorities: [{ cardId: "netwerk-1", owner: "x" }] },
      { priorities: [ok], extra: true },
    ])
      expect(await put(ann, body), JSON.stringify(body).slice(0, 80)).toMatchObject({
        status: 400,
        data: { code: "BAD_REQUEST" },
      });
    // The limits hold exactly: the longest allowed texts are stored.
    const longest = {
      cardId: "netwerk-1",
      owner: "Ł".repeat(PRIORITY_OWNER_MAX),
      nextStep: "ż".repeat(PRIORITY_STEP_MAX),
    };
    expect((await put(ann, { priorities: [longest] })).data).toEqual({ priorities: [longest] });
    const missing = await put(ann, { priorities: [ok, { ...ok, cardId: "geld-1" }] });
    expect(missing).toMatchObject({
      status: 409,
      data: { code: "NOT_IN_PLAN", message: "That card is not in this workshop's action plan." },
    });
    expect((await debrief()).priorities).toEqual([longest]);
  });

  it("refuses priorities in a planner workshop (it has no action plan)", async () => {
    const created = await ann("POST", "/workshops", { title: "Planners", game: "planner", tableSize: 2 });
    const planner = (created.data as unknown as { id: string }).id;
    const res = await put(ann, { priorities: [{ cardId: "netwerk-1", owner: "", nextStep: "" }] }, planner);
    expect(res).toMatchObject({ status: 409, data: { code: "NOT_IN_PLAN" } });
    expect(
      ((await ann("GET", `/workshops/${planner}/debrief`)).data as unknown as { priorities: unknown }).priorities,
    ).toEqual([]);
  });
});
