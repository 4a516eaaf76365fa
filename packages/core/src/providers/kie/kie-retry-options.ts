import type { RetryOptions } from '../../policies/with-retries';
import type { TaskContext } from '../../tasks/provider-runtime';
import type { ResolvedKieConfig } from './kie-config';
import { attemptFailure } from './kie-http';
import { retryNote } from './kie-notes';

/**
 * How every kie request is retried: the shared policy, kie's reading of failures, and a note to
 * the user before each wait. `paid` is true only for creating a task.
 */
export function kieRetryOptions(context: TaskContext, config: ResolvedKieConfig, what: string, paid: boolean): RetryOptions {
  return {
    paid,
    classify: attemptFailure,
    clock: context.clock,
    random: context.random,
    signal: context.signal,
    policy: config.retryPolicy,
    onRetry: (info) => context.progress({ type: 'note', message: retryNote(what, info, config.retryPolicy) }),
  };
}
