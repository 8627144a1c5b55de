import { createInstance, type i18n as I18n } from "i18next";
import type { Lang } from "../protocol.js";
import type { Rejection, RejectionCode } from "../quartet/types.js";

/** Rejection sentences in Dutch and English; `{{…}}` are filled from the rejection's detail. */
export const rejectionTexts: Record<Lang, Record<RejectionCode, string>> = {
  nl: {
    NOT_PLAYING: "Er wordt nu niet gespeeld.",
    NOT_YOUR_TURN: "Je bent niet aan de beurt.",
    NOT_HOST: "Alleen wie de tafel heeft geopend kan het spel starten.",
    UNKNOWN_PLAYER: "Die speler zit niet aan deze tafel.",
    ASK_SELF: "Je kunt geen kaart aan jezelf vragen.",
    TARGET_EMPTY: "Die speler heeft geen kaarten meer.",
    UNKNOWN_CARD: "Die kaart bestaat niet in dit spel.",
    THEME_NOT_HELD: "Je mag alleen vragen uit een thema waarvan je zelf een kaart hebt.",
    CARD_ALREADY_HELD: "Die kaart heb je zelf al.",
    BAD_MESSAGE: "Dat bericht begrijpt de server niet.",
    RATE_LIMITED: "Even rustig aan: te veel berichten achter elkaar.",
    CARD_OUT_OF_PLAY: "Dat kwartet ligt al op tafel.",
    ALREADY_STARTED: "Het spel is al begonnen.",
    BAD_PLAYER_COUNT: "Voor dit spel zijn {{min}} tot {{max}} spelers nodig.",
    BAD_SETTINGS: "Deze tafelregel kan zo niet: {{rule}}.",
    NOT_YOUR_QUARTET: "Je kunt alleen een kaart kiezen uit een kwartet dat je zelf hebt gelegd.",
    NOTE_TOO_LONG: "De toelichting is te lang (hoogstens {{max}} tekens).",
    PAUSED: "Het spel staat even stil; de begeleider zet het zo weer aan.",
    ALREADY_PICKED: "Uit dit kwartet heeft iemand anders aan tafel al een actie gekozen.",
    NO_MORE_TIME: "Voor deze beurt heb je de extra tijd al gekregen.",
  },
  en: {
    NOT_PLAYING: "No game is being played right now.",
    NOT_YOUR_TURN: "It is not your turn.",
    NOT_HOST: "Only the player who opened the table can start the game.",
    UNKNOWN_PLAYER: "That player is not at this table.",
    ASK_SELF: "You cannot ask yourself for a card.",
    TARGET_EMPTY: "That player has no cards left.",
    UNKNOWN_CARD: "That card does not exist in this game.",
    THEME_NOT_HELD: "You may only ask for a theme you hold a card of.",
    CARD_ALREADY_HELD: "You already hold that card.",
    BAD_MESSAGE: "The server does not understand that message.",
    RATE_LIMITED: "Slow down: too many messages in a row.",
    CARD_OUT_OF_PLAY: "That quartet is already on the table.",
    ALREADY_STARTED: "The game has already started.",
    BAD_PLAYER_COUNT: "This game needs {{min}} to {{max}} players.",
    BAD_SETTINGS: "This table rule is not possible: {{rule}}.",
    NOT_YOUR_QUARTET: "You can only pick a card from a quartet you laid down yourself.",
    NOTE_TOO_LONG: "The note is too long (at most {{max}} characters).",
    PAUSED: "The game is paused; the facilitator will resume it shortly.",
    ALREADY_PICKED: "Someone else at the table has already picked an action from this quartet.",
    NO_MORE_TIME: "You have already had the extra time for this turn.",
  },
};

type SettingName = "missPassesTo" | "allowBluff" | "emptyHand" | "stockHandSize" | "other";

/** The house rules by name, in words, for `BAD_SETTINGS` (`{{rule}}`); `{{max}}` from the rejection's detail. */
export const settingTexts: Record<Lang, Record<SettingName, string>> = {
  nl: {
    missPassesTo: "wie na een misser aan de beurt is",
    allowBluff: "bluffen",
    emptyHand: "van de stapel pakken met een lege hand kan alleen met een stapel",
    stockHandSize: "met een stapel krijgt iedereen 1 tot {{max}} kaarten",
    other: "deze combinatie van tafelregels",
  },
  en: {
    missPassesTo: "whose turn it is after a miss",
    allowBluff: "bluffing",
    emptyHand: "drawing from the stock with an empty hand needs a stock",
    stockHandSize: "with a stock everyone gets 1 to {{max}} cards",
    other: "this combination of table rules",
  },
};

/**
 * The values a rejection's sentence is filled with: its detail, and for
 * `BAD_SETTINGS` the rule in words (`rule`) instead of the setting's name.
 */
export function rejectionValues(rejection: Rejection, lang: Lang): Record<string, string | number> {
  const detail: Record<string, string | number> = { ...(rejection.detail ?? {}) };
  const setting = detail.setting;
  if (rejection.code === "BAD_SETTINGS") {
    const words =
      typeof setting === "string" && setting in settingTexts[lang]
        ? settingTexts[lang][setting as SettingName]
        : settingTexts[lang].other;
    detail.rule = words.replace("{{max}}", String(detail.max ?? ""));
  }
  return detail;
}

let instance: I18n | null = null;

function translator(): I18n {
  if (instance) return instance;
  const i = createInstance();
  void i.init({
    initAsync: false,
    lng: "nl",
    fallbackLng: "en",
    ns: ["rejection"],
    defaultNS: "rejection",
    interpolation: { escapeValue: false },
    resources: { nl: { rejection: rejectionTexts.nl }, en: { rejection: rejectionTexts.en } },
  });
  instance = i;
  return i;
}

/** The human-readable sentence for a rejection, in `lang`. */
export function rejectionMessage(rejection: Rejection, lang: Lang): string {
  return translator().t(rejection.code, { lng: lang, ...rejectionValues(rejection, lang) });
}
