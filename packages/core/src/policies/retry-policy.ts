/**
 * When to try a request again and how long to wait first: the one place this is decided.
 *
 * A paid submission is repeated only when the failure proves the provider did not start it: the
 * connection was refused (nothing was sent), or the provider answered with a status that means it
 * did not take the work (408, 409, 429, 5xx). A timeout, a connection dropped after the request
 * went out, or an unreadable success body proves nothing, so a paid request is never repeated for
 * those. Free requests (status polls, downloads) may also be repeated after such failures.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. @default 4 */
  readonly maxAttempts: number;
  /** The first back-off, doubled on each retry. @default 1000 */
  readonly baseDelayMs: number;
  /** No single wait is longer than this, whatever the server asks. @default 60000 */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000 };

/** How an attempt failed, as far as retrying is concerned. */
export type AttemptFailure =
  /** The provider answered with an HTTP status (or a status code inside a 200 envelope). */
  | { readonly type: 'status'; readonly status: number; readonly headers?: Headers | Readonly<Record<string, string | undefined>> }
  /** The connection could not be opened: nothing was sent. */
  | { readonly type: 'unreachable' }
  /** The request went out and then the connection failed or timed out: it may have started. */
  | { readonly type: 'interrupted' }
  /** Not a transport problem (bad body, our own error): never retried. */
  | { readonly type: 'other' };

const RETRYABLE_STATUSES = new Set([408, 409, 429]);

/**
 * Whether another attempt is safe. `paid` is true for requests that start billable work.
 */
export function shouldRetry(failure: AttemptFailure, paid: boolean): boolean {
  switch (failure.type) {
    case 'status':
      return RETRYABLE_STATUSES.has(failure.status) || failure.status >= 500;
    case 'unreachable':
      return true;
    case 'interrupted':
      return !paid;
    case 'other':
      return false;
  }
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1): the server's `retry-after-ms` or
 * `Retry-After` (seconds or an HTTP date) when it gives one, else exponential back-off with full
 * jitter; always within [0, maxDelayMs].
 */
export function retryDelayMs(
  attempt: number,
  failure: AttemptFailure,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const hinted = failure.type === 'status' ? serverHintMs(failure.headers, now) : null;
  if (hinted !== null) return Math.min(policy.maxDelayMs, Math.max(0, hinted));
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Half fixed, half random: spreads clients out without ever retrying instantly.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The wait a server asks for, in ms, from `retry-after-ms` or `Retry-After`; null if none. */
export function serverHintMs(headers: Headers | Readonly<Record<string, string | undefined>> | undefined, now: number = Date.now()): number | null {
  if (!headers) return null;
  const get = (name: string): string | null =>
    headers instanceof Headers ? headers.get(name) : (Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? null);
  const ms = get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Number(ms);
  const after = get('retry-after');
  if (after === null || after.trim() === '') return null;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? null : date - now;
}
