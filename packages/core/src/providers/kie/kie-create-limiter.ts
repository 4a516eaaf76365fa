import { cancelledError, type Clock } from '../../internal/clock';
import type { KieCreateLimit } from './kie-config';

/**
 * Keeps new tasks under kie's limit (20 per 10 s per key) on the client: kie answers the excess
 * with 429 and does not queue it, so it is cheaper to wait here than to be refused and retry.
 * A sliding window over the times of the last submissions, waited out on the injected clock.
 * One limiter per key: the provider instance owns it.
 */
export class KieCreateLimiter {
  readonly #limit: KieCreateLimit;
  /** Start times of the submissions still inside the window, oldest first. */
  readonly #starts: number[] = [];

  constructor(limit: KieCreateLimit) {
    this.#limit = limit;
  }

  /**
   * Resolves when one more submission fits, and counts it. `onWait` is told how long it must
   * wait first (for a progress note). Throws `cancelled` as soon as `signal` aborts.
   */
  async acquire(clock: Clock, signal: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    const span = this.#limit.windowMs + this.#limit.marginMs;
    for (;;) {
      if (signal.aborted) throw cancelledError(signal);
      const now = clock.now();
      while (this.#starts.length > 0 && now - (this.#starts[0] ?? now) >= span) this.#starts.shift();
      // Check and take with no await in between, so concurrent callers cannot both take the last slot.
      if (this.#starts.length < this.#limit.maxTasks) {
        this.#starts.push(now);
        return;
      }
      const waitMs = (this.#starts[0] ?? now) + span - now;
      onWait?.(waitMs);
      await clock.sleep(waitMs, signal);
    }
  }
}
