import type { AttemptFailure, RetryPolicy } from '../../policies/retry-policy';

/** A progress note for a retry, e.g. `kie answered 429 while submitting the task; retrying in 1.0 s (attempt 2 of 4)`. */
export function retryNote(what: string, info: { attempt: number; delayMs: number; failure: AttemptFailure }, policy: RetryPolicy): string {
  return `${failureText(info.failure)} while ${what}; retrying in ${waitText(info.delayMs)} (attempt ${info.attempt + 1} of ${policy.maxAttempts})`;
}

/** A wait for people: `800 ms`, `1.5 s`, `2 min 5 s`. */
export function waitText(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function failureText(failure: AttemptFailure): string {
  switch (failure.type) {
    case 'status':
      return `kie answered ${failure.status}`;
    case 'unreachable':
      return 'kie could not be reached';
    case 'interrupted':
      return 'the connection to kie failed or its answer was unreadable';
    case 'other':
      return 'kie failed';
  }
}
