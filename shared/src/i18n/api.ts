import type { Lang } from "../protocol.js";
import type { ApiErrorCode } from "../workshop/api.js";

/** Sentences for the workshop API's error codes, in Dutch and English. */
export const apiErrorTexts: Record<Lang, Record<ApiErrorCode, string>> = {
  nl: {
    BAD_REQUEST: "Dat verzoek klopt niet: controleer de ingevulde velden.",
    UNAUTHORIZED: "Log eerst in.",
    FORBIDDEN: "Dit is niet jouw workshop.",
    NOT_FOUND: "Niet gevonden.",
    BAD_LOGIN: "E-mailadres of wachtwoord klopt niet.",
    TOO_MANY_ATTEMPTS: "Te veel pogingen; wacht even en probeer het dan opnieuw.",
    UNKNOWN_CODE: "Deze code kennen we niet. Kijk nog eens goed op het scherm.",
    WORKSHOP_ENDED: "Deze workshop is afgelopen.",
    TABLE_TOO_SMALL: "Aan die tafel is geen plaats meer.",
    ALREADY_STARTED: "Die tafel speelt al.",
    WRONG_PHASE: "Dat kan nu niet aan deze tafel.",
    PAYLOAD_TOO_LARGE: "Dat verzoek is te groot.",
    CROSS_SITE: "Dit verzoek komt van een andere website en is geweigerd.",
    SERVER_ERROR: "Er ging iets mis op de server; probeer het opnieuw.",
  },
  en: {
    BAD_REQUEST: "That request is not right: check the fields.",
    UNAUTHORIZED: "Please sign in first.",
    FORBIDDEN: "This is not your workshop.",
    NOT_FOUND: "Not found.",
    BAD_LOGIN: "Email address or password is wrong.",
    TOO_MANY_ATTEMPTS: "Too many attempts; wait a moment, then try again.",
    UNKNOWN_CODE: "We do not know this code. Check the screen again.",
    WORKSHOP_ENDED: "This workshop has ended.",
    TABLE_TOO_SMALL: "That table is full.",
    ALREADY_STARTED: "That table is already playing.",
    WRONG_PHASE: "That is not possible at this table right now.",
    PAYLOAD_TOO_LARGE: "That request is too large.",
    CROSS_SITE: "This request comes from another website and was refused.",
    SERVER_ERROR: "Something went wrong on the server; please try again.",
  },
};
