/**
 * A virtual clock for running minutes of task life against the fake server in milliseconds
 * (Node-only: it uses `setImmediate`). Shared by the kie tests and the latency benchmark.
 *
 * Time stands still while anything is happening — a request through `fetch` (wrapped below) or
 * code running — and jumps to the earliest pending `sleep` once everything is idle. So waits take
 * no real time, every sleeper wakes in time order, and concurrent tasks see a consistent clock.
 */
import { cancelledError, type Clock } from '../src/internal/clock';
import type { FetchLike } from '../src/tasks/provider-runtime';

interface Sleeper {
  readonly at: number;
  readonly seq: number;
  readonly wake: () => void;
}

export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  #inFlight = 0;
  #checkQueued = false;
  readonly #sleepers: Sleeper[] = [];

  constructor(start = 1_800_000_000_000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelledError(signal));
        return;
      }
      const onAbort = (): void => {
        const index = this.#sleepers.indexOf(sleeper);
        if (index >= 0) this.#sleepers.splice(index, 1);
        reject(cancelledError(signal));
      };
      const sleeper: Sleeper = {
        at: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#sleepers.push(sleeper);
      this.#queueCheck();
    });
  }

  /** Moves time forward by hand (for tests that wait on nothing). */
  advance(ms: number): void {
    this.#now += ms;
  }

  /**
   * `fetch` that holds the clock while a request is in flight, body included (it reads the body
   * before handing the response over), so the server sees the time the request was sent at.
   */
  wrapFetch(inner: FetchLike = (input, init) => fetch(input, init)): FetchLike {
    return async (input, init) => {
      this.#inFlight++;
      try {
        const response = await inner(input, init);
        const body = await response.arrayBuffer();
        return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      } finally {
        this.#inFlight--;
        this.#queueCheck();
      }
    };
  }

  #queueCheck(): void {
    if (this.#checkQueued) return;
    this.#checkQueued = true;
    // setImmediate runs after the pending promise callbacks, i.e. once the code that just ran
    // has either finished or started its next request or sleep.
    setImmediate(() => {
      this.#checkQueued = false;
      if (this.#inFlight > 0 || this.#sleepers.length === 0) return;
      let next = 0;
      for (let i = 1; i < this.#sleepers.length; i++) {
        const a = this.#sleepers[i];
        const b = this.#sleepers[next];
        if (a && b && (a.at < b.at || (a.at === b.at && a.seq < b.seq))) next = i;
      }
      const [sleeper] = this.#sleepers.splice(next, 1);
      if (!sleeper) return;
      this.#now = Math.max(this.#now, sleeper.at);
      sleeper.wake();
      this.#queueCheck();
    });
  }
}
