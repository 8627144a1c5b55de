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
    WORKSHOP_LOCKED: "Deze workshop is gesloten voor nieuwe deelnemers. Vraag de begeleider om je binnen te laten.",
    NOT_IN_PLAN: "Die kaart staat niet in het actieplan van deze workshop.",
    SERVER_ERROR: "Er ging iets mis op de server; probeer het opnieuw.",
    NAME_TAKEN: "Die naam is in deze workshop al bezet. Kies een andere, bijvoorbeeld {suggestion}.",
    NOT_LATE: "Je hebt al een plaats; ga naar je tafel.",
    ALREADY_PICKED: "Uit dit kwartet is al een actie gekozen.",
    QUARTET_NOT_LAID: "Dit kwartet is aan deze tafel niet gelegd.",
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
    WORKSHOP_LOCKED: "This workshop is closed to new participants. Ask the facilitator to let you in.",
    NOT_IN_PLAN: "That card is not in this workshop's action plan.",
    SERVER_ERROR: "Something went wrong on the server; please try again.",
    NAME_TAKEN: "That name is already taken in this workshop. Choose another, for example {suggestion}.",
    NOT_LATE: "You already have a place; go to your table.",
    ALREADY_PICKED: "An action has already been picked from this quartet.",
    QUARTET_NOT_LAID: "This quartet was not laid at this table.",
  },
};

/** The name a pick the facilitator completed in the debrief is shown with (in the workshop's language). */
export const facilitatorPickName: Record<Lang, string> = { nl: "Begeleider", en: "Facilitator" };
