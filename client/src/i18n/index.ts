/**
 * The client's texts through i18next: Dutch by default, English on request.
 * Rejections are mapped from their code with the shared texts
 * (`shared/src/i18n/messages.ts`), so they follow the chosen language even
 * when the server's sentence was written in another.
 */
import { createInstance, type TOptions } from "i18next";
import { rejectionTexts, rejectionValues } from "@iot/shared/i18n/messages";
import { LANGS, type Lang } from "../net/constants.js";
import { REJECTION_CODES, type RejectionCode } from "@iot/shared/quartet/types";
import { en } from "./en.js";
import { nl } from "./nl.js";
import { workshopEn, workshopNl } from "./workshop.js";
import { plannerEn, plannerNl } from "./planner.js";

const LANG_KEY = "iot.lang";

const i18n = createInstance();
void i18n.init({
  initAsync: false,
  lng: "nl",
  fallbackLng: "nl",
  supportedLngs: [...LANGS],
  ns: ["app", "rejection"],
  defaultNS: "app",
  interpolation: { escapeValue: false },
  resources: {
    nl: { app: { ...nl, ws: workshopNl, pl: plannerNl }, rejection: rejectionTexts.nl },
    en: { app: { ...en, ws: workshopEn, pl: plannerEn }, rejection: rejectionTexts.en },
  },
});

/** True when `value` is a supported language. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The language in use. */
export function lang(): Lang {
  return isLang(i18n.language) ? i18n.language : "nl";
}

/** Switches the language, remembers it and updates `<html lang>`. Listeners of {@link onLangChange} are called. */
export function setLang(next: Lang): void {
  void i18n.changeLanguage(next);
  document.documentElement.lang = next;
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  for (const listener of listeners) listener(next);
}

/** The language chosen earlier in this browser, else Dutch. */
export function storedLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // ignore
  }
  return "nl";
}

const listeners = new Set<(lang: Lang) => void>();

/** Calls `listener` after every language change; returns a function that stops it. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text under `key` (e.g. `"home.play"`), filled from `options`. */
export function t(key: string, options?: TOptions): string {
  return i18n.t(key, options ?? {}) as string;
}

/**
 * The sentence for a server rejection in the chosen language: mapped from the
 * code when it is known (and its details, if the sentence needs any, are
 * given), else the server's own message.
 */
export function rejectionText(code: string, serverMessage: string, detail?: Record<string, string | number>): string {
  if (!(REJECTION_CODES as readonly string[]).includes(code)) return serverMessage || code;
  const template = rejectionTexts[lang()][code as RejectionCode];
  if (template.includes("{{") && !detail && serverMessage) return serverMessage;
  const values = rejectionValues({ code: code as RejectionCode, ...(detail ? { detail } : {}) }, lang());
  return i18n.t(code, { ns: "rejection", ...values }) as string;
}
