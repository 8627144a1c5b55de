import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * A seeded source of randomness. The same seed always yields the same
 * sequence; nothing in `shared/` draws randomness any other way.
 */
export interface Rng {
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
}

/** Creates a deterministic {@link Rng} from a 32-bit seed (xoroshiro128+). */
export function createRng(seed: number): Rng {
  const generator = xoroshiro128plus(seed | 0);
  return { int: (min, max) => uniformInt(generator, min, max) };
}

/** Picks one element of a non-empty array, uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError("pick from an empty array");
  return items[rng.int(0, items.length - 1)] as T;
}

/** Returns a shuffled copy of `items` (Fisher-Yates). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
