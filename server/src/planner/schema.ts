import { schema, t, type SchemaType } from "@colyseus/schema";

/**
 * The planner room's synchronised state: only where the region stands. What
 * a planner sees (their carrier, every planner's figures, the offers, the
 * standings) comes by the view route, the `view` message
 * (`shared/src/planner/seatView.ts`; docs/planner-game.md).
 */
export const PlannerStateSchema = schema(
  {
    phase: t.string().default("waiting"),
    round: t.uint8().default(0),
  },
  "PlannerState",
);
export type PlannerStateSchema = SchemaType<typeof PlannerStateSchema>;
