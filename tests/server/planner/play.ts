import { expect } from "vitest";
import type { Plan } from "@iot/shared/planner/evaluate";
import type { CarrierView } from "@iot/shared/planner/carrierView";
import { VEHICLES } from "@iot/shared/planner/vehicles";
import { myCarrier, next, waitFor, type PRoom } from "./harness.js";

/** A plan by hand: orders by window, each onto the first available vehicle with room left. */
export function handPlan(view: CarrierView): Plan {
  const out = new Set(view.unavailable);
  const locked = new Set(view.locked);
  const routes = view.scenario.fleet
    .filter((v) => !out.has(v.id))
    .map((v) => ({ vehicle: v.id, orders: [] as string[], room: VEHICLES[v.type].capacityPallets }));
  for (const r of view.plan.routes) {
    const mine = routes.find((x) => x.vehicle === r.vehicle);
    for (const o of r.orders.filter((id) => locked.has(id))) {
      mine?.orders.push(o);
      if (mine) mine.room -= view.scenario.orders.find((x) => x.id === o)?.pallets ?? 0;
    }
  }
  const open = view.scenario.orders.filter((o) => !locked.has(o.id)).sort((a, b) => a.due - b.due);
  for (const o of open) {
    const r = routes.find((x) => x.room >= o.pallets);
    if (!r) continue;
    r.orders.push(o.id);
    r.room -= o.pallets;
  }
  return { routes: routes.filter((r) => r.orders.length > 0).map(({ vehicle, orders }) => ({ vehicle, orders })) };
}

export const planOf = (room: PRoom): string => JSON.stringify(myCarrier(room)?.plan);

/** Sends a message that must be refused, and checks the code and that the sender keeps its seat. */
export async function refused(room: PRoom, type: string, payload: unknown, code: string): Promise<void> {
  const before = planOf(room);
  const answer = next<{ code: string; message: string }>(room, "rejected");
  room.send(type, payload);
  const r = await answer;
  expect(r.code).toBe(code);
  expect(r.message.length).toBeGreaterThan(5);
  expect(room.connection.isOpen).toBe(true);
  expect(planOf(room)).toBe(before);
}

/**
 * Asks the assistant, waits for its proposal and accepts it; resolves with the plan now in force (the proposal,
 * with any stops driven meanwhile kept first on their vehicle).
 */
export async function assistAndAccept(room: PRoom): Promise<Plan> {
  const proposal = next<{ plan: Plan }>(room, "proposal");
  room.send("assist", {});
  const { plan } = await proposal;
  await waitFor(
    room,
    () => JSON.stringify(myCarrier(room)?.proposal) === JSON.stringify(plan),
    "proposal in the state",
  );
  const accepted = new Promise<void>((resolve) => {
    const off = room.onMessage("event", (e: { type: string; player?: string; source?: string }) => {
      if (e.type === "plan-set" && e.player === room.sessionId && e.source === "proposal") {
        off();
        resolve();
      }
    });
  });
  room.send("acceptProposal", {});
  await accepted;
  const proposed = new Set(plan.routes.flatMap((r) => r.orders));
  await waitFor(
    room,
    () =>
      (myCarrier(room)?.plan.routes ?? [])
        .flatMap((r) => r.orders)
        .every((o) => proposed.has(o) || myCarrier(room)?.locked.includes(o)),
    "the proposal in force",
  );
  return myCarrier(room)?.plan as Plan;
}
