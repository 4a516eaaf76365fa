/**
 * The one life cycle every provider's task goes through, whether the provider answers in the same
 * request (OpenAI) or through a task to poll (kie):
 * `submitted → queued → running → succeeded | failed | cancelled`.
 */
export const TASK_STATES = ['submitted', 'queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** States a task never leaves. */
export function isTerminal(state: TaskState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'cancelled';
}
