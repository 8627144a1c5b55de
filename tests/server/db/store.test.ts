import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WorkshopStore } from "../../../server/src/db/store.js";
import { freshDatabase, type TestDb } from "./databases.js";

describe.each(["sqlite", "postgres"] as const)("workshop store on %s", (dialect) => {
  let t: TestDb;
  let store: WorkshopStore;
  beforeEach(async () => {
    t = await freshDatabase(dialect);
    store = new WorkshopStore(t.db);
  });
  afterEach(async () => {
    await t.cleanup();
  });

  async function workshop() {
    const f = await store.addFacilitator("Ann@Example.org", "hash");
    return store.addWorkshop({
      facilitator_id: f.id,
      code: "K7PQ2M",
      title: "Regio Noord",
      lang: "nl",
      game: "quartet",
      table_size: 4,
      bot_level: "medium",
      turn_seconds: 0,
      rules: "{}",
    });
  }

  it("keeps facilitators by lower-cased email and refuses duplicates", async () => {
    await store.addFacilitator("Ann@Example.org", "h1");
    expect((await store.facilitatorByEmail("ann@example.org"))?.password_hash).toBe("h1");
    await expect(store.addFacilitator("ann@example.org", "h2")).rejects.toThrow();
  });

  it("expires sessions", async () => {
    const f = await store.addFacilitator("b@example.org", "h");
    await store.addSession("live", f.id, new Date(Date.now() + 60_000));
    await store.addSession("old", f.id, new Date(Date.now() - 1));
    expect((await store.sessionFacilitator("live"))?.email).toBe("b@example.org");
    expect(await store.sessionFacilitator("old")).toBeUndefined();
    await store.deleteSession("live");
    expect(await store.sessionFacilitator("live")).toBeUndefined();
  });

  it("stores workshops, participants, tables, results and picks, and keeps them across a reopen", async () => {
    const w = await workshop();
    expect((await store.workshopByCode("K7PQ2M"))?.title).toBe("Regio Noord");
    const p = await store.addParticipant({
      workshop_id: w.id,
      token_hash: "t1",
      name: "Anna",
      role: "government",
      region_phase: "aware",
    });
    const table = await store.addTable(w.id, 1);
    await store.updateTable(table.id, { room_id: "room1", status: "playing" });
    await store.seatParticipant(p.id, table.id);
    await store.savePick(table.id, {
      player_key: "s1",
      participant_id: p.id,
      player_name: "Anna",
      theme: "geld",
      card: "geld-2",
      note: "eerst",
      role: "government",
      region_phase: "aware",
    });
    await store.savePick(table.id, {
      player_key: "s1",
      participant_id: p.id,
      player_name: "Anna",
      theme: "geld",
      card: "geld-3",
      note: "toch deze",
      role: "government",
      region_phase: "aware",
    });
    await store.saveResults(table.id, [
      { player_key: "s1", participant_id: p.id, player_name: "Anna", is_bot: 0, place: 1, quartets: 3 },
      { player_key: "bot-1", participant_id: null, player_name: "Bot 1", is_bot: 1, place: 2, quartets: 2 },
    ]);
    await store.updateWorkshop(w.id, { status: "ended", ended_at: new Date().toISOString() });

    const again = new WorkshopStore(await t.reopen());
    try {
      expect((await again.workshop(w.id))?.status).toBe("ended");
      expect((await again.participantByToken("t1"))?.table_id).toBe(table.id);
      expect(await again.tables(w.id)).toMatchObject([{ number: 1, room_id: "room1", status: "finished" }]);
      expect(await again.picks(table.id)).toMatchObject([{ card: "geld-3", note: "toch deze" }]);
      expect((await again.results(table.id)).map((r) => [r.player_name, r.place, r.is_bot])).toEqual([
        ["Anna", 1, 0],
        ["Bot 1", 2, 1],
      ]);
    } finally {
      await again.db.destroy();
    }
  });

  it("keeps planner round results and profiles; saving again replaces them", async () => {
    const w = await workshop();
    expect(w.difficulty).toBe(2);
    const table = await store.addTable(w.id, 1);
    await store.updateTable(table.id, { room_id: "r", status: "playing" });
    const line = (seat: number, round: number, cost: number) => ({
      seat,
      player_key: `s${seat}`,
      participant_id: null,
      player_name: `P${seat}`,
      round,
      cost,
      km: 120.5,
      co2_kg: 88.25,
      late: 1,
      minutes_late: 12.5,
      unplanned: 0,
      deliveries: 15,
      orders: 15,
      solo_cost: 0,
      solo_co2_kg: 0,
      score: cost / 15,
      assistant_cost: round === 1 ? null : 900.5,
      assistant_co2_kg: round === 1 ? null : 80,
      assistant_score: round === 1 ? null : 60.03,
    });
    await store.planner.saveRound(table.id, 1, [line(0, 1, 1000), line(1, 1, 1100)]);
    await store.planner.saveRound(table.id, 1, [line(0, 1, 990), line(1, 1, 1100)]);
    await store.planner.saveRound(table.id, 2, [line(0, 2, 950), line(1, 2, 1000)]);
    const profile = { efficiency: 80, green: 75, service: 90, adaptivity: 0, collaboration: 0, digital: 40 };
    await store.planner.saveProfiles(
      table.id,
      [{ seat: 0, player_key: "s0", participant_id: null, player_name: "P0", ...profile, rounds: 2 }],
      false,
    );
    expect((await store.table(table.id))?.status).toBe("playing");
    await store.planner.saveProfiles(
      table.id,
      [{ seat: 0, player_key: "s0", participant_id: null, player_name: "P0", ...profile, rounds: 4 }],
      true,
    );

    const again = new WorkshopStore(await t.reopen());
    try {
      const rounds = await again.planner.rounds(table.id);
      expect(rounds.map((r) => [r.round, r.seat, r.cost])).toEqual([
        [1, 0, 990],
        [1, 1, 1100],
        [2, 0, 950],
        [2, 1, 1000],
      ]);
      expect(rounds[2]).toMatchObject({ km: 120.5, co2_kg: 88.25, minutes_late: 12.5, assistant_cost: 900.5 });
      expect(rounds[0]?.assistant_cost).toBeNull();
      expect(await again.planner.profiles(table.id)).toMatchObject([{ seat: 0, ...profile, rounds: 4 }]);
      expect((await again.table(table.id))?.status).toBe("finished");
    } finally {
      await again.db.destroy();
    }
  });

  it("refuses a second workshop with the same code", async () => {
    const w = await workshop();
    await expect(store.addWorkshop({ ...w, title: "Twee" })).rejects.toThrow();
  });
});
