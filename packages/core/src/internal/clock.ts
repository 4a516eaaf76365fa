import { GptImageError } from '../errors/gpt-image-error';

/**
 * Time, injected: the task client, retries and polling read the time and wait only through this,
 * so tests and benchmarks can run minutes of provider time in milliseconds.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with a `cancelled` error as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelledError(signal));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(cancelledError(signal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** The error every wait and request throws when the caller cancels. */
export function cancelledError(signal?: AbortSignal): GptImageError {
  return new GptImageError('cancelled', 'Cancelled.', signal?.reason === undefined ? {} : { cause: signal.reason });
}
