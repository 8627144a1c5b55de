/**
 * Builds what the scene draws and what the DOM layer says about each seat,
 * from the decoded state, in the chosen language.
 */
import { OKABE_ITO } from "@iot/shared/charts/palette";
import { CARD_IDS, type CardId, type ThemeId } from "@iot/shared/quartet/cardIds";
import { t } from "../../i18n/index.js";
import type { Player, TableState } from "../net/types.js";
import type { AvatarModel, LastAskModel, SeatModel, TableModel } from "./model.js";
import { themeLabel } from "./texts.js";
import { isolate } from "../../ui/names.js";

/** The seat of `p` as drawn. */
export function seatModel(state: TableState, p: Player, selected: boolean): SeatModel {
  const tags: string[] = [];
  if (p.isBot) tags.push(t("table.bot"));
  if (!p.connected && !p.isBot) tags.push(t("table.offline"));
  if (p.out || (state.phase === "playing" && p.handCount === 0)) tags.push(t("table.out"));
  if (state.phase === "playing" && state.turn === p.id) tags.unshift(t("table.turnTag"));
  return {
    id: p.id,
    name: p.name,
    detail: state.phase === "waiting" ? "" : t("table.cards", { count: p.handCount }),
    tags,
    handCount: p.handCount,
    quartets: p.quartets,
    turn: state.phase === "playing" && state.turn === p.id,
    connected: p.connected || p.isBot,
    out: tags.includes(t("table.out")),
    selected,
    avatar: avatar(p),
  };
}

/** Avatar fills: the Okabe-Ito colours that hold on a light table (not its yellow), one per seat. */
const AVATAR_COLOURS = OKABE_ITO.filter((c) => c.onLight);

/** The avatar of `p`: the first letter of the name in the colour of the seat. */
export function avatar(p: Pick<Player, "name" | "seat" | "isBot">): AvatarModel {
  const entry = AVATAR_COLOURS[p.seat % AVATAR_COLOURS.length] ?? AVATAR_COLOURS[0];
  const initial = [...p.name.trim()][0]?.toLocaleUpperCase("nl") ?? "?";
  return {
    initial,
    colour: parseInt((entry?.colour ?? "#0072B2").slice(1), 16),
    ink: parseInt((entry?.text ?? "#ffffff").slice(1), 16),
    bot: p.isBot,
  };
}

/** The whole table for the scene; opponents start with the seat after the own one. */
export function tableModel(
  state: TableState,
  me: string,
  selection: { target: string | null; theme: ThemeId | null },
  lastAsk: LastAskModel | null,
): TableModel {
  const mine = state.players.find((p) => p.id === me);
  const mySeat = mine?.seat ?? 0;
  const others = state.players
    .filter((p) => p.id !== me)
    .sort((a, b) => ((a.seat - mySeat + 64) % 64) - ((b.seat - mySeat + 64) % 64));
  const self: Player = mine ?? {
    id: me,
    name: "",
    seat: 0,
    isBot: false,
    connected: true,
    handCount: 0,
    quartets: [],
    hand: [],
    role: "",
    regionPhase: "",
    out: false,
  };
  const meModel = seatModel(state, self, false);
  meModel.name = self.name ? `${isolate(self.name)} (${t("table.you")})` : t("table.you");
  meModel.tags = meModel.tags.filter((x) => x !== t("table.bot") && x !== t("table.turnTag"));
  return {
    seats: others.map((p) => seatModel(state, p, p.id === selection.target)),
    me: meModel,
    hand: sortHand(self.hand),
    highlightTheme: selection.theme,
    laid: state.players.flatMap((p) =>
      p.quartets.map((theme) => ({
        theme,
        themeName: themeLabel(theme),
        owner: p.id === me ? t("table.you") : isolate(p.name),
      })),
    ),
    lastAsk,
    stock: state.stockCount > 0 ? t("table.stock", { count: state.stockCount }) : "",
    stockCount: state.stockCount,
  };
}

/** The hand in deck order: by theme as printed, then by number. */
export function sortHand(hand: readonly CardId[]): CardId[] {
  return [...hand].sort((a, b) => CARD_IDS.indexOf(a) - CARD_IDS.indexOf(b));
}

/** What a screen reader hears about an opponent's seat; a computer player is named "Sanne (computer)". */
export function describeSeat(seat: SeatModel): string {
  const name = seat.avatar.bot ? t("table.botName", { name: isolate(seat.name) }) : isolate(seat.name);
  const parts = [name, seat.detail];
  parts.push(
    seat.quartets.length > 0
      ? t("table.quartetList", { list: seat.quartets.map(themeLabel).join(", ") })
      : t("table.noQuartets"),
  );
  parts.push(...seat.tags.filter((tag) => !seat.avatar.bot || tag !== t("table.bot")));
  return parts.join(", ");
}
