import { GptImageError, type ErrorKind, type GeneratedImage } from '@gpt-image/core';
import type { KeyedProvider, PendingTask } from '../../protocol/shapes';
import type { UiEndpoint } from '../../protocol/ui-endpoint';
import { blockedHostIn } from './allowed-fetch';
import { coreRecord } from './core-record';
import { errorText } from './error-text';
import { resultProvenance } from './result-provenance';
import { taskClientFor, type ClientSetup } from './task-client-for';

/**
 * How collecting one pending task ended: placed; still waiting at the provider (main keeps the
 * task and its placeholder); collected but refused by main (main forgot the task: `image` is the
 * only copy of a paid result, to be offered to the user); or failed for good (main forgot both).
 */
export type ResumeOutcome =
  | { readonly kind: 'placed'; readonly nodeId: string }
  | { readonly kind: 'waiting'; readonly message: string }
  | { readonly kind: 'unplaced'; readonly message: string; readonly image: GeneratedImage }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * A result that was made (and paid for) but that main could not place, in a run or a resumed
 * task: main has forgotten the task, so the bytes are kept for the user to save.
 */
export class PlacingFailedError extends Error {
  override readonly name = 'PlacingFailedError';
  constructor(readonly image: GeneratedImage, cause: unknown) {
    super(`The image was made but could not be placed on the canvas: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** The kinds that settle a task: the provider's verdict on it, or core finding nothing left to resume. */
const FINAL_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['provider_failure', 'content_policy', 'invalid_request', 'invalid_input']);

/**
 * Whether an accepted task whose run or collection failed with `error` can still be collected:
 * yes, unless the provider gave its verdict (the task failed, moderation, an invalid request),
 * core found nothing left to resume, or the result is on a host this plugin may never reach. A
 * lost connection, a timeout, a rate limit, a missing or refused key, a stopped collection: the
 * task goes on at the provider, is paid for, and must not be forgotten.
 */
export function canCollectLater(error: unknown): boolean {
  if (blockedHostIn(error)) return false;
  return !(error instanceof GptImageError && FINAL_KINDS.has(error.kind));
}

const WAITING_REASONS: Partial<Record<ErrorKind, string>> = {
  network: 'the connection was lost',
  timeout: 'it took longer than the plugin waits',
  rate_limited: 'it is limiting requests for now',
  auth: 'it did not accept the API key',
  insufficient_credits: 'it reported too few credits',
  cancelled: 'collecting it was stopped',
};

/** Why a task that can be collected later was not collected now, in plain words. */
export function waitingReason(error: unknown): string {
  const reason = error instanceof GptImageError ? WAITING_REASONS[error.kind] : undefined;
  return reason ?? `it could not be collected: ${errorText(error).message}`;
}

/** What the user (and the placeholder's Figma notification) is told about a task kept at the provider. */
export function waitingMessage(provider: string, reason: string): string {
  return `The result is waiting at ${provider} (${reason}). It is paid for and will be collected when the plugin opens again.`.slice(0, 4_000);
}

/**
 * Collects the result of a task the provider accepted earlier (TaskClient.resume, never a new
 * submission) and has main place it. A task that can still be collected later is kept, with its
 * placeholder recaptioned; only the provider's verdict, or a record this version cannot resume,
 * makes main forget it. `signal` stops collecting (the task is kept).
 */
export async function resumePending(
  main: UiEndpoint,
  setup: Omit<ClientSetup, 'keys' | 'saveRecord'>,
  task: PendingTask,
  signal?: AbortSignal,
): Promise<ResumeOutcome> {
  const record = coreRecord(task.record);
  if (!record) return forget(main, task, `Task ${task.record.id} was saved by another version of the plugin and cannot be collected here.`);
  const provider = record.request.provider;
  let image: GeneratedImage | null = null;
  try {
    const key = provider === 'placeholder' ? null : await storedKey(main, provider);
    if (provider !== 'placeholder' && !key) return await keep(main, task, `no ${provider} API key is stored here`);
    const client = taskClientFor({ ...setup, keys: provider !== 'placeholder' && key ? { [provider]: key } : {} });
    const outcome = await client.resume(record, signal ? { signal } : {});
    image = outcome.image;
    const { nodeId } = await main.request('place-result', {
      placeholderId: task.placeholderId,
      bytes: image.bytes,
      // The nodes sent are not in the record: main takes them from the placeholder, if any.
      provenance: resultProvenance(outcome.record, image, []),
      // Whether the task edited a node or a file is not in its record: the placeholder, if any, knows.
      edited: null,
    });
    return { kind: 'placed', nodeId };
  } catch (error) {
    // Main refused to place the image: it has already removed the placeholder and forgotten the
    // task, so these bytes are all that is left of a paid result.
    if (image) return { kind: 'unplaced', message: new PlacingFailedError(image, error).message, image };
    if (canCollectLater(error)) return keep(main, task, waitingReason(error));
    return forget(main, task, errorText(error).message);
  }
}

async function storedKey(main: UiEndpoint, provider: KeyedProvider): Promise<string | null> {
  return (await main.request('read-key', { provider })).key;
}

/** Main keeps the task and recaptions its placeholder; main's failure to hear it changes nothing kept. */
async function keep(main: UiEndpoint, task: PendingTask, reason: string): Promise<ResumeOutcome> {
  const message = waitingMessage(task.record.request.provider, reason);
  if (task.placeholderId) await main.request('interrupt-generation', { placeholderId: task.placeholderId, message }).catch(() => undefined);
  return { kind: 'waiting', message };
}

/** Main removes the placeholder, if any, and forgets the task. */
async function forget(main: UiEndpoint, task: PendingTask, message: string): Promise<ResumeOutcome> {
  const text = message.slice(0, 4_000) || 'The task failed.';
  await main.request('fail-generation', { placeholderId: task.placeholderId, taskId: task.record.id, message: text }).catch(() => undefined);
  return { kind: 'failed', message: text };
}

/** The notice for a task collected when the plugin starts. */
export function resumeNotice(outcome: ResumeOutcome): string {
  switch (outcome.kind) {
    case 'placed':
      return 'An earlier result was placed on the canvas.';
    case 'waiting':
      return `An earlier result could not be collected yet. ${outcome.message}`;
    case 'unplaced':
      return `An earlier result was collected. ${outcome.message}`;
    case 'failed':
      return `An earlier task could not be finished: ${outcome.message}`;
  }
}
