import type { Lang, RegionPhase, Role } from "../protocol.js";
import { participantTerms } from "./participantTerms.js";

/** The texts of the quartet workshop's hand-out (the PDF report) and the CSV's word values, in Dutch and English. */
export interface ReportTexts {
  subtitle: string;
  date: string;
  code: string;
  facilitator: string;
  participants: string;
  tablesCount: (tables: number, people: number) => string;
  lineUps: string;
  table: string;
  bot: string;
  /** The CSV's `player` value of a seat a participant played. */
  human: string;
  notSeated: string;
  results: string;
  place: string;
  quartets: string;
  notFinished: string;
  plan: string;
  priorities: string;
  owner: string;
  nextStep: string;
  open: string;
  chosenBy: string;
  otherPicks: string;
  cards: string;
  action: string;
  example: string;
  tip: string;
  links: string;
  none: string;
  page: (n: number, of: number) => string;
  roles: Record<Role, string>;
  phases: Record<RegionPhase, string>;
}

/** The hand-out's texts per language (Dutch first, "je" form); roles and region phases from {@link participantTerms}, as the join screen names them. */
export const reportTexts: Record<Lang, ReportTexts> = {
  nl: {
    subtitle: "Innovation on Track · 1 + 1 = 4 · hand-out van de workshop",
    date: "Datum",
    code: "Code",
    facilitator: "Begeleider",
    participants: "Deelnemers en tafels",
    tablesCount: (tables, people) => `${people} deelnemers aan ${tables} ${tables === 1 ? "tafel" : "tafels"}`,
    lineUps: "Opstelling per tafel",
    table: "Tafel",
    bot: "bot",
    human: "deelnemer",
    notSeated: "Nog zonder tafel",
    results: "Uitslag",
    place: "Plaats",
    quartets: "kwartetten",
    notFinished: "Deze tafel is nog niet klaar.",
    plan: "Het gezamenlijke regionale actieplan",
    priorities: "Prioriteiten van de workshop",
    owner: "Trekker",
    nextStep: "Volgende stap",
    open: "nog open",
    chosenBy: "Gekozen door",
    otherPicks: "Overige gekozen acties",
    cards: "De gekozen kaarten",
    action: "Actie",
    example: "Voorbeeld",
    tip: "Tip",
    links: "Meer weten",
    none: "Nog geen keuzes.",
    page: (n, of) => `Pagina ${n} van ${of}`,
    roles: participantTerms.nl.roles,
    phases: participantTerms.nl.phases,
  },
  en: {
    subtitle: "Innovation on Track · 1 + 1 = 4 · workshop hand-out",
    date: "Date",
    code: "Code",
    facilitator: "Facilitator",
    participants: "Participants and tables",
    tablesCount: (tables, people) =>
      `${people} ${people === 1 ? "participant" : "participants"} at ${tables} ${tables === 1 ? "table" : "tables"}`,
    lineUps: "Line-up per table",
    table: "Table",
    bot: "bot",
    human: "participant",
    notSeated: "Not at a table yet",
    results: "Results",
    place: "Place",
    quartets: "quartets",
    notFinished: "This table has not finished yet.",
    plan: "The combined regional action plan",
    priorities: "The workshop's priorities",
    owner: "Owner",
    nextStep: "Next step",
    open: "open",
    chosenBy: "Chosen by",
    otherPicks: "Other chosen actions",
    cards: "The chosen cards",
    action: "Action",
    example: "Example",
    tip: "Tip",
    links: "Find out more",
    none: "No picks yet.",
    page: (n, of) => `Page ${n} of ${of}`,
    roles: participantTerms.en.roles,
    phases: participantTerms.en.phases,
  },
};
