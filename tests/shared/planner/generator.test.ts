import { describe, expect, it } from "vitest";
import { generateScenario } from "@iot/shared/planner/generator";
import { TOWNS } from "@iot/shared/planner/region";

describe("orders by town size", () => {
  it("sends each town its share of the inhabitants' orders, over 200 days of 60 orders", () => {
    const counts = new Map<string, number>(TOWNS.map((t) => [t.id, 0]));
    let orders = 0;
    for (let seed = 1; seed <= 200; seed++) {
      for (const o of generateScenario(seed, 4).orders) {
        counts.set(o.town, (counts.get(o.town) ?? 0) + 1);
        orders++;
      }
    }
    const people = TOWNS.reduce((a, t) => a + t.population, 0);
    for (const t of TOWNS) {
      const expected = t.population / people;
      const seen = (counts.get(t.id) ?? 0) / orders;
      // Four standard deviations of a share over 12,000 orders.
      const sd = Math.sqrt((expected * (1 - expected)) / orders);
      expect(Math.abs(seen - expected), `${t.name}: ${seen.toFixed(4)} against ${expected.toFixed(4)}`).toBeLessThan(
        4 * sd,
      );
    }
    // Groningen, the city, gets far more than a village like Uithuizen (they were drawn alike before).
    expect((counts.get("groningen") ?? 0) / (counts.get("uithuizen") ?? 1)).toBeGreaterThan(20);
  });
});
