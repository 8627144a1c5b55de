import { shuffled, type Rng } from "../rng.js";

/**
 * The first names bots play under: common Dutch first names, short enough
 * for a seat on a phone (at most 6 letters), half of them women's names.
 */
export const BOT_NAMES = [
  "Sanne",
  "Daan",
  "Lotte",
  "Joris",
  "Fleur",
  "Thijs",
  "Noor",
  "Ruben",
  "Femke",
  "Niels",
  "Iris",
  "Sem",
  "Anouk",
  "Lars",
  "Eva",
  "Koen",
] as const;

/** A name folded for comparison: case and accents ignored, surrounding space trimmed. */
function fold(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").trim().toLocaleLowerCase("nl");
}

/**
 * Names for `count` bots at one table, drawn with `rng` from {@link BOT_NAMES}
 * without repeats; a name equal to a human's name at the table, or to its
 * first word (case and accents ignored), is never drawn. When the list runs
 * out (more bots than names left) the rest are numbered: "Sanne 2".
 */
export function botNames(count: number, humans: readonly string[], rng: Rng): string[] {
  const taken = new Set<string>();
  for (const h of humans) {
    taken.add(fold(h));
    taken.add(fold(h.trim().split(/\s+/)[0] ?? ""));
  }
  const free = shuffled(
    rng,
    BOT_NAMES.filter((n) => !taken.has(fold(n))),
  );
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = free[i % Math.max(1, free.length)] ?? BOT_NAMES[0];
    names.push(i < free.length ? base : `${base} ${Math.floor(i / Math.max(1, free.length)) + 1}`);
  }
  return names;
}
