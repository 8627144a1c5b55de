/**
 * Why a table refused to be created or joined: a code, the number the
 * Colyseus SDK's error carries (`code` of the `MatchMakeError`), and a
 * sentence in Dutch and English (docs/protocol-additions.md, "Refused
 * creates and joins").
 */
import { LANGS, type Lang } from "../protocol.js";

/** The refusals of a create or join, beyond the rules' own (`BAD_SETTINGS`, `BAD_PLAYER_COUNT`). */
export const JOIN_REFUSAL_CODES = [
  "BAD_OPTIONS",
  "TABLE_FULL",
  "TABLE_STARTED",
  "WORKSHOP_ONLY",
  "NOT_SEATED_HERE",
] as const;
export type JoinRefusalCode = (typeof JOIN_REFUSAL_CODES)[number];

/**
 * The error number of each refusal as the SDK reports it. A refused create
 * answers over HTTP, so its number is an HTTP status (400); a refused join
 * arrives on the room's socket: 409 (conflict) a full table, 423 (locked) a
 * table that has started, 403 a table one may not join.
 */
export const JOIN_REFUSAL_STATUS: Record<JoinRefusalCode, number> = {
  BAD_OPTIONS: 400,
  TABLE_FULL: 409,
  TABLE_STARTED: 423,
  WORKSHOP_ONLY: 403,
  NOT_SEATED_HERE: 403,
};

/** The sentences, `{{…}}` filled from the refusal's detail. */
export const joinRefusalTexts: Record<Lang, Record<JoinRefusalCode, string>> = {
  nl: {
    BAD_OPTIONS:
      "Deze tafel kan zo niet: je naam moet 1 tot 24 tekens hebben, een tafel 2 tot 6 plaatsen en hoogstens 5 computerspelers.",
    TABLE_FULL: "Deze tafel is vol.",
    TABLE_STARTED: "Deze tafel is al begonnen.",
    WORKSHOP_ONLY: "Een workshoptafel opent alleen de begeleider.",
    NOT_SEATED_HERE: "Je hebt geen plaats aan deze tafel. Ga terug naar de lobby van je workshop.",
  },
  en: {
    BAD_OPTIONS:
      "This table is not possible: your name needs 1 to 24 characters, a table 2 to 6 seats and at most 5 computer players.",
    TABLE_FULL: "This table is full.",
    TABLE_STARTED: "This table has already started.",
    WORKSHOP_ONLY: "Only the facilitator opens a workshop table.",
    NOT_SEATED_HERE: "You have no seat at this table. Go back to your workshop's lobby.",
  },
};

/** The planner's own wording of a bad create or join (its options differ from the quartet's). */
export const plannerBadOptionsText: Record<Lang, string> = {
  nl: "Deze tafel kan zo niet: je naam moet 1 tot 24 tekens hebben, de moeilijkheid 1 tot 4 en een regio 1 tot 8 planners.",
  en: "This table is not possible: your name needs 1 to 24 characters, the difficulty 1 to 4 and a region 1 to 8 planners.",
};

/** The language a client asked for in its create or join options (`lang`), Dutch when it gave none or an unknown one. */
export function optionsLang(raw: unknown): Lang {
  const lang = (raw as { lang?: unknown } | null | undefined)?.lang;
  return (LANGS as readonly unknown[]).includes(lang) ? (lang as Lang) : "nl";
}

/** The sentence for refusal `code` in `lang`. */
export function joinRefusalMessage(code: JoinRefusalCode, lang: Lang): string {
  return joinRefusalTexts[lang][code];
}
