/**
 * A tiny seeded pseudo-random generator, so every "random" choice in a placeholder (hues,
 * angles, circle positions) follows from the prompt and the same prompt always looks the same.
 */

/** Returns numbers in [0, 1), a fixed sequence for each seed. */
export type Random = () => number;

/**
 * mulberry32: one 32-bit state word, good enough spread for picking colours and shapes, and
 * identical in every JavaScript engine because it only uses 32-bit integer arithmetic.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [min, max) drawn from `random`. */
export function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}
