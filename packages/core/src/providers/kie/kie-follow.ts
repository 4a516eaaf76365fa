import { errorFromFailure } from '../../errors/error-from-response';
import { GptImageError } from '../../errors/gpt-image-error';
import type { PollObservation } from '../../policies/poll-policy';
import { serverHintMs } from '../../policies/retry-policy';
import { withRetries } from '../../policies/with-retries';
import type { TaskContext } from '../../tasks/provider-runtime';
import { KIE_API, type ResolvedKieConfig } from './kie-config';
import { parseRecord, type KieRecord } from './kie-envelope';
import { hideKey, hostOf, kieError } from './kie-errors';
import { envelopeData, exchange, KieMalformedError } from './kie-http';
import { waitText } from './kie-notes';
import { kieRetryOptions } from './kie-retry-options';

/** A task to follow until it ends. */
export interface FollowedTask {
  readonly taskId: string;
  /** When kie accepted it, on the context's clock: the origin of the poll plan. */
  readonly acceptedAt: number;
  /** The poll policy's tier (the resolution). */
  readonly tier: string;
  /** Give up at this clock time. */
  readonly deadlineAt: number;
  /** Ask once straight away (a resumed task may have finished long ago). */
  readonly pollAtOnce: boolean;
  /** Whether `acceptedAt` is the real acceptance time, so the duration can be learnt from. */
  readonly startKnown: boolean;
}

/** One status answer, with what the server hinted about the next one. */
interface StatusAnswer {
  readonly record: KieRecord;
  readonly retryAfterMs: number | null;
}

/**
 * Polls `recordInfo` on the poll policy's plan until the task succeeds, fails, or the deadline
 * passes; reports `queued`/`running` as the state changes; and tells the policy how long the task
 * took, so the next plan for the tier is better. Status requests are free and retried.
 */
export async function followTask(task: FollowedTask, config: ResolvedKieConfig, context: TaskContext): Promise<KieRecord> {
  const { clock, signal } = context;
  const plan = config.pollPolicy.plan(task.tier);
  let last: PollObservation | null = null;
  let reported: 'queued' | 'running' | null = null;
  // The task was certainly not ready when the last "still running" request went out.
  let notReadyAt: number | null = null;
  let first = true;
  for (;;) {
    const now = clock.now();
    let wakeAt = first && task.pollAtOnce ? now : task.acceptedAt + plan.nextPollAt(now - task.acceptedAt, last);
    first = false;
    const finalPoll = wakeAt >= task.deadlineAt;
    if (finalPoll) wakeAt = task.deadlineAt;
    await clock.sleep(Math.max(0, wakeAt - now), signal);
    const sentAt = clock.now();
    const { record, retryAfterMs } = await askStatus(task.taskId, config, context);
    switch (record.state) {
      case 'success':
        learn(task, record, notReadyAt, clock.now(), config);
        return record;
      case 'fail':
        throw failure(task.taskId, record, config.apiKey);
      case 'waiting':
      case 'queuing':
      case 'generating': {
        const state = record.state === 'generating' ? 'running' : 'queued';
        if (state !== reported) {
          context.progress({ type: 'state', state, detail: `kie: ${record.state}` });
          reported = state;
        }
        last = retryAfterMs === null ? { state } : { state, retryAfterMs };
        notReadyAt = sentAt;
      }
    }
    if (finalPoll || clock.now() >= task.deadlineAt) {
      throw new GptImageError(
        'timeout',
        `kie task ${task.taskId} was still ${record.state} after ${waitText(config.deadlineMs)}, so this run stopped following it. ` +
          'It may still finish: resume it later to collect the image without paying again.',
        { detail: { requestId: task.taskId } },
      );
    }
  }
}

async function askStatus(taskId: string, config: ResolvedKieConfig, context: TaskContext): Promise<StatusAnswer> {
  const what = "asking for the task's status";
  const url = `${config.baseUrl}${KIE_API.paths.recordInfo}?taskId=${encodeURIComponent(taskId)}`;
  try {
    return await withRetries(
      async () => {
        const answer = await exchange(context, url, { method: 'GET', headers: { authorization: `Bearer ${config.apiKey}` } }, config.requestTimeoutMs);
        const record = parseRecord(envelopeData(answer));
        if (record === null) throw new KieMalformedError('the answer has no task record with a known state');
        return { record, retryAfterMs: serverHintMs(answer.headers, context.clock.now()) };
      },
      kieRetryOptions(context, config, what, false),
    );
  } catch (error) {
    throw kieError(error, { what, paid: false, taskId }, config.apiKey, hostOf(config.baseUrl));
  }
}

/** A `fail` record as a typed error: moderation codes and wording become `content_policy`. */
function failure(taskId: string, record: KieRecord, apiKey: string): GptImageError {
  const code = record.failCode === null ? Number.NaN : Number(record.failCode);
  // A failCode that is an HTTP-like status says what kind of failure it was; anything else is
  // what kie calls 501, "generation failed".
  const status = Number.isInteger(code) && code >= 400 && code <= 599 ? code : 501;
  const typed = errorFromFailure({
    provider: 'kie',
    status,
    code: record.failCode,
    message: record.failMsg === null ? null : hideKey(record.failMsg, apiKey),
    requestId: taskId,
  });
  return new GptImageError(typed.kind, `${typed.message} [kie task ${taskId} failed]`, { detail: typed.detail });
}

/**
 * Tells the policy how long the task took. kie's `costTime` is the best measure, but it is
 * counted on kie's clock from creation; the polls bracket the truth on ours (not ready when the
 * last "running" request left, ready when the "success" answer came), so it is kept inside that.
 */
function learn(task: FollowedTask, record: KieRecord, notReadyAt: number | null, seenAt: number, config: ResolvedKieConfig): void {
  if (!task.startKnown) return;
  const upper = seenAt - task.acceptedAt;
  const lower = notReadyAt === null ? 0 : notReadyAt - task.acceptedAt;
  let duration: number;
  if (record.costTime !== null) duration = Math.min(upper, Math.max(lower, record.costTime));
  // Without costTime only a bracket from our own polls is a measurement (not a resumed task's first look).
  else if (notReadyAt !== null) duration = (lower + upper) / 2;
  else return;
  if (duration > 0) config.pollPolicy.observe(task.tier, duration);
}
