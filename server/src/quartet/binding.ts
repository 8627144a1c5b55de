import { joinRefusalMessage, optionsLang } from "@iot/shared/i18n/joinRefusals";
import { rejectionMessage } from "@iot/shared/i18n/messages";
import { joinOptionsSchema, parsePayload, type JoinOptions } from "@iot/shared/protocol";
import type { BotLevel } from "@iot/shared/quartet/bots/index";
import { quartetGame, type QuartetOptions, type QuartetTable, type QuartetTableEvent } from "@iot/shared/quartet/game";
import type { PlanPick } from "@iot/shared/quartet/actionPlan";
import { resolveSettings } from "@iot/shared/quartet/settings";
import type { Rejection } from "@iot/shared/quartet/types";
import type { QuartetTableSummary } from "@iot/shared/workshop/api";
import type { QuartetConfig } from "../config.js";
import { BadOptions, type HostView, type Projection, type TableBinding, type TableSetup } from "../table/binding.js";
import { inSeatOrder } from "../table/seats.js";
import { publicHistory } from "./history.js";
import { PlayerSchema, QuartetStateSchema, RulesSchema } from "./schema.js";
import { writeGame, writePlan, writeSeat } from "./sync.js";

/** The table's setup from validated options: the house rules resolved for the seat count (2 seats default to the stock with 7 each). */
function setupOf(
  o: Pick<JoinOptions, "seats" | "bots" | "botLevel" | "lang" | "rules" | "turnSeconds">,
): TableSetup<QuartetOptions> {
  const resolved = resolveSettings(o.seats, {
    ...o.rules,
    stockHandSize: o.rules?.stockHandSize ?? (o.seats === 2 ? 7 : 0),
  });
  if (!resolved.ok) throw new BadOptions(rejectionMessage(resolved.rejection, o.lang));
  return {
    options: { settings: resolved.settings, botLevel: o.botLevel as BotLevel },
    seats: o.seats,
    bots: Math.min(o.bots, o.seats - 1),
    turnSeconds: o.turnSeconds,
  };
}

function parseJoin(raw: unknown): JoinOptions {
  const options = parsePayload(joinOptionsSchema, raw);
  if (!options) throw new BadOptions(joinRefusalMessage("BAD_OPTIONS", optionsLang(raw)));
  return options;
}

/** The quartet's synchronised state (the public contract's shape), mirrored from the host after every change. */
function projection(setup: TableSetup<QuartetOptions>): Projection<QuartetTable> {
  const state = new QuartetStateSchema({
    seats: setup.seats,
    botLevel: setup.options.botLevel,
    rules: new RulesSchema({ ...setup.options.settings }),
  });
  let picks: readonly PlanPick[] | null = null;
  let names = "";
  return {
    state,
    addSeat(seat) {
      const player = new PlayerSchema();
      writeSeat(player, seat);
      state.players.set(seat.id, player);
      return player;
    },
    removeSeat(id) {
      state.players.delete(id);
    },
    write(view: HostView<QuartetTable>) {
      state.host = view.host;
      state.paused = view.paused;
      state.notice = view.notice;
      state.turnDeadline = view.turnDeadline;
      for (const seat of view.seats.values()) {
        const player = state.players.get(seat.id);
        if (player) writeSeat(player, seat);
      }
      const table = view.state;
      if (!table) return;
      writeGame(state, table.game, view.seats);
      const seatNames = [...view.seats.values()].map((s) => `${s.id}:${s.name}`).join("\n");
      if (table.picks !== picks || seatNames !== names) {
        picks = table.picks;
        names = seatNames;
        writePlan(state, table.picks, view.seats);
      }
    },
  };
}

/** The quartet's line in the facilitator's live overview: phase, whose turn, asks, and each player's hand and quartets. */
function summary(view: HostView<QuartetTable>, idleMs: number): QuartetTableSummary {
  const game = view.state?.game;
  const turn = game?.turn ?? "";
  return {
    game: "quartet",
    phase: !game ? "waiting" : game.phase,
    paused: view.paused,
    idleMs,
    turnName: view.seats.get(turn)?.name ?? "",
    asks: game?.asks ?? 0,
    players: inSeatOrder(view.seats.values()).map((s) => ({
      name: s.name,
      isBot: s.isBot,
      connected: s.connected,
      handCount: game?.hands[s.id]?.length ?? 0,
      quartets: game?.quartets[s.id]?.length ?? 0,
    })),
  };
}

/** The quartet at the table host: the shared definition, the contract's options and state, the overview. */
export function quartetBinding(
  config: QuartetConfig,
): TableBinding<QuartetTable, QuartetTableEvent, Rejection, QuartetOptions> {
  return {
    game: quartetGame,
    config,
    views: "optIn",
    history: { type: "history", of: publicHistory },
    botsTakeOver: true,
    quickSetup: (raw) => setupOf(parseJoin(raw)),
    joinRequest(raw) {
      const o = parseJoin(raw);
      return { name: o.name, lang: o.lang, role: o.role ?? "", regionPhase: o.phase ?? "" };
    },
    workshopSetup(raw) {
      const o = parseJoin({ name: "table", ...(raw as object) });
      return setupOf({ ...o, bots: o.seats - 1 });
    },
    projection,
    summary,
  };
}
