import type { Lang, RegionPhase, Role } from "../protocol.js";

/**
 * A participant's role and their region's phase as every screen and report
 * names them (the join screen, the console, the hand-out), per language.
 */
export const participantTerms: Record<Lang, { roles: Record<Role, string>; phases: Record<RegionPhase, string> }> = {
  nl: {
    roles: {
      entrepreneur: "Ondernemer",
      government: "Regionale of lokale overheid",
      intermediary: "Intermediair",
      knowledge: "Kennisinstelling",
    },
    phases: {
      aware: "We worden ons net bewust",
      exchanging: "We wisselen kennis uit",
      activities: "We hebben activiteiten en platforms",
      funding: "Er zijn regelingen en financiering",
    },
  },
  en: {
    roles: {
      entrepreneur: "Entrepreneur",
      government: "Regional or local government",
      intermediary: "Intermediary",
      knowledge: "Knowledge institution",
    },
    phases: {
      aware: "We are just becoming aware",
      exchanging: "We exchange knowledge",
      activities: "We run activities and platforms",
      funding: "Funding schemes are in place",
    },
  },
};
