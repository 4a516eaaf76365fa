import type { Clock } from '../internal/clock';
import { DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetry, type AttemptFailure, type RetryPolicy } from './retry-policy';

/** How to run one request under the retry policy. */
export interface RetryOptions {
  /** True for requests that start billable work (submissions); false for polls and downloads. */
  readonly paid: boolean;
  /** How a thrown error failed, for the policy. */
  readonly classify: (error: unknown) => AttemptFailure;
  readonly clock: Clock;
  readonly random: () => number;
  readonly signal: AbortSignal;
  readonly policy?: RetryPolicy;
  /** Told before each wait, e.g. to show "rate limited, retrying in 3 s". */
  readonly onRetry?: (info: { attempt: number; delayMs: number; failure: AttemptFailure; error: unknown }) => void;
}

/**
 * Runs `attempt` until it succeeds, the policy says stop, or the signal aborts; rethrows the last
 * error. Every retry decision in the product goes through here.
 */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (options.signal.aborted) throw error;
      const failure = options.classify(error);
      if (n >= policy.maxAttempts || !shouldRetry(failure, options.paid)) throw error;
      const delayMs = retryDelayMs(n, failure, policy, options.random, options.clock.now());
      options.onRetry?.({ attempt: n, delayMs, failure, error });
      await options.clock.sleep(delayMs, options.signal);
    }
  }
}
