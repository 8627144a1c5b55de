import type { Lang } from "../protocol.js";
import type { PlannerRejection, PlannerRejectionCode } from "../planner/game/types.js";

/** Sentences for the planner game's rejection codes; `{{…}}` are filled from the rejection's detail. */
export const plannerRejectionTexts: Record<Lang, Record<PlannerRejectionCode, string>> = {
  nl: {
    NOT_IN_ROUND: "Er loopt nu geen ronde.",
    WRONG_ROUND: "Dat kan niet in deze ronde.",
    UNKNOWN_PLAYER: "Die planner hoort niet bij deze regio.",
    UNKNOWN_ORDER: "Order {{order}} is niet van jouw vervoerder.",
    DOUBLE_ORDER: "Order {{order}} staat er al.",
    NOT_YOUR_VEHICLE: "Voertuig {{vehicle}} is niet van jouw vervoerder.",
    DOUBLE_VEHICLE: "Voertuig {{vehicle}} heeft al een rit in je planning.",
    VEHICLE_UNAVAILABLE: "Voertuig {{vehicle}} rijdt vandaag niet meer: plan de open stops op een ander voertuig.",
    LOCKED_STOP: "Order {{order}} is al onderweg of afgeleverd en blijft vooraan op zijn rit.",
    ASSISTANT_NOT_ALLOWED: "In deze ronde plan je met de hand; de assistent komt in ronde 2.",
    NO_PROPOSAL: "Er is nog geen voorstel van de assistent.",
    PROPOSAL_OUTDATED: "Dit voorstel is verouderd: de situatie is veranderd. Vraag de assistent opnieuw.",
    UNKNOWN_OFFER: "Dit aanbod bestaat niet of is niet meer open.",
    NOT_YOUR_OFFER: "Je kunt alleen je eigen aanbod intrekken.",
    OWN_OFFER: "Je kunt je eigen order niet overnemen.",
    ORDER_LOCKED: "Order {{order}} is al onderweg of afgeleverd en kan niet meer over.",
    BAD_PLAYER_COUNT: "Voor dit spel zijn {{min}} tot {{max}} planners nodig.",
    BAD_MESSAGE: "Dat bericht begrijpt de server niet.",
    RATE_LIMITED: "Even rustig aan: te veel berichten achter elkaar.",
    NOT_HOST: "Alleen wie de regio heeft geopend kan dit doen.",
    ALREADY_STARTED: "Het spel of de ronde is al begonnen.",
    TOO_MANY_STOPS: "Een planning heeft hoogstens {{max}} stops.",
    ASSISTANT_FAILED: "De assistent kon nu geen voorstel maken; probeer het nog eens.",
    PAUSED: "De begeleider heeft het spel gepauzeerd; even wachten.",
    NOT_PLANNED: "Order {{order}} staat op geen enkele rit: zet hem eerst op een voertuig.",
    LOCK_BROKEN: "{{item}} is vastgezet en blijft zoals het staat; haal het slot eraf om het te veranderen.",
  },
  en: {
    NOT_IN_ROUND: "No round is under way.",
    WRONG_ROUND: "That is not possible in this round.",
    UNKNOWN_PLAYER: "That planner is not in this region.",
    UNKNOWN_ORDER: "Order {{order}} is not your carrier's.",
    DOUBLE_ORDER: "Order {{order}} is already there.",
    NOT_YOUR_VEHICLE: "Vehicle {{vehicle}} is not your carrier's.",
    DOUBLE_VEHICLE: "Vehicle {{vehicle}} already has a route in your plan.",
    VEHICLE_UNAVAILABLE: "Vehicle {{vehicle}} is out for the day: plan its open stops on another vehicle.",
    LOCKED_STOP: "Order {{order}} is on its way or delivered and stays at the front of its route.",
    ASSISTANT_NOT_ALLOWED: "This round you plan by hand; the assistant comes in round 2.",
    NO_PROPOSAL: "The assistant has not made a proposal yet.",
    PROPOSAL_OUTDATED: "This proposal is outdated: the situation has changed. Ask the assistant again.",
    UNKNOWN_OFFER: "This offer does not exist or is no longer open.",
    NOT_YOUR_OFFER: "You can only withdraw your own offer.",
    OWN_OFFER: "You cannot take over your own order.",
    ORDER_LOCKED: "Order {{order}} is on its way or delivered and can no longer move.",
    BAD_PLAYER_COUNT: "This game needs {{min}} to {{max}} planners.",
    BAD_MESSAGE: "The server does not understand that message.",
    RATE_LIMITED: "Slow down: too many messages in a row.",
    NOT_HOST: "Only the player who opened the region can do this.",
    ALREADY_STARTED: "The game or the round has already started.",
    TOO_MANY_STOPS: "A plan has at most {{max}} stops.",
    ASSISTANT_FAILED: "The assistant could not make a proposal just now; please try again.",
    PAUSED: "The facilitator has paused the game; please wait.",
    NOT_PLANNED: "Order {{order}} is on no route: put it on a vehicle first.",
    LOCK_BROKEN: "{{item}} is locked and stays as it is; unlock it to change it.",
  },
};

/**
 * The human-readable sentence for a planner rejection in `lang`: the code's
 * sentence with `{{name}}` filled from the rejection's detail (a placeholder
 * without a detail is left out).
 */
export function plannerRejectionMessage(rejection: PlannerRejection, lang: Lang): string {
  const text = plannerRejectionTexts[lang][rejection.code];
  return text
    .replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(rejection.detail?.[key] ?? ""))
    .replace(/ {2,}/g, " ");
}
