import { setTimeout as delay } from 'node:timers/promises';

/**
 * Waits `ms` real milliseconds unless `signal` aborts first (the client went away or the server
 * is closing), so no timer outlives the server. Resolves true when the full time passed.
 */
export async function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
