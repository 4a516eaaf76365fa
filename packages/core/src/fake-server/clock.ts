/**
 * The server's notion of time. Kie task states, result-URL expiry and the kie rate limit are all
 * computed from `now()` on each request rather than by timers, so a benchmark can pass a virtual
 * clock and move through minutes of task life without waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch (or since any fixed origin, for a virtual clock). */
  now(): number;
}

/** Wall-clock time. */
export const systemClock: Clock = { now: () => Date.now() };
