/**
 * A sliding-window limit per key on the server's clock: at most `max` takes in any `windowMs`.
 * Refused takes are not counted (kie answers 429 and does not queue the task).
 */
export class SlidingWindowLimit {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #takes = new Map<string, number[]>();

  constructor(max: number, windowMs: number) {
    this.#max = max;
    this.#windowMs = windowMs;
  }

  /** Takes one slot for `key` at `now`; false when the window is full. */
  tryTake(key: string, now: number): boolean {
    const recent = (this.#takes.get(key) ?? []).filter((at) => now - at < this.#windowMs);
    if (recent.length >= this.#max) {
      this.#takes.set(key, recent);
      return false;
    }
    recent.push(now);
    this.#takes.set(key, recent);
    return true;
  }

  clear(): void {
    this.#takes.clear();
  }
}
