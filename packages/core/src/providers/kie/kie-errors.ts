import { errorFromFailure } from '../../errors/error-from-response';
import { GptImageError } from '../../errors/gpt-image-error';
import { KieMalformedError, KieStatusError, KieTransportError } from './kie-http';
import { redact } from '../../internal/redact';

/** What was being done when something failed, for a message the user can act on. */
export interface KieOperation {
  /** E.g. `submitting the task`, `asking for the task's status`, `uploading reference image 2`. */
  readonly what: string;
  /** True for the submission: a failure after it went out may have been billed. */
  readonly paid: boolean;
  /** The task concerned, once known; put in messages so the user can find it at kie. */
  readonly taskId?: string;
  /** When the operation started (ms since the epoch), to help find a task whose id was lost. */
  readonly startedAt?: number;
}

/** What follows any failure once a task exists: it goes on at kie and nothing is lost. */
const RESUMABLE = 'The task goes on at kie; resume it to collect the image without paying again.';

/**
 * The typed error for anything a kie exchange threw. Refusals go through `errorFromFailure` (the
 * one status → kind mapping); transport failures say whether the task may have been billed and,
 * for a lost submission answer, that its id is unknown. The key never appears.
 */
export function kieError(error: unknown, op: KieOperation, apiKey: string, host: string): GptImageError {
  if (error instanceof GptImageError) return error;
  const hide = (text: string): string => hideKey(text, apiKey);
  const task = op.taskId ? ` (task ${op.taskId})` : '';
  if (error instanceof KieStatusError) {
    const typed = errorFromFailure({
      provider: 'kie',
      status: error.status,
      message: error.providerMessage === null ? null : hide(error.providerMessage),
      requestId: op.taskId ?? null,
    });
    return new GptImageError(typed.kind, `${typed.message} [while ${op.what}${task}]`, { detail: typed.detail });
  }
  if (error instanceof KieTransportError) {
    const reason = hide(error.reason);
    if (error.nothingSent) {
      return new GptImageError('network', `kie could not be reached at ${host} (${reason}) while ${op.what}${task}; nothing was sent.${op.taskId ? ` ${RESUMABLE}` : ''}`, {
        cause: error,
      });
    }
    if (op.paid) {
      const at = op.startedAt === undefined ? '' : ` Look in your kie account's task log for a task submitted at ${new Date(op.startedAt).toISOString()}.`;
      const lost =
        'kie may have accepted (and billed) the task, but its task id was lost with the answer, so this run can neither follow nor resume it. ' +
        `It was not submitted again, so it cannot be charged twice.${at}`;
      return error.stage === 'timeout'
        ? new GptImageError('timeout', `kie did not answer the task submission in time (${reason}). ${lost}`, { cause: error })
        : new GptImageError('network', `The connection to kie broke while it was answering the task submission (${reason}). ${lost}`, { cause: error });
    }
    const kind = error.stage === 'timeout' && op.taskId ? 'timeout' : 'network';
    return new GptImageError(kind, `The connection to kie failed while ${op.what}${task} (${reason}).${op.taskId ? ` ${RESUMABLE}` : ''}`, { cause: error });
  }
  if (error instanceof KieMalformedError) {
    if (op.paid) {
      return new GptImageError(
        'provider_failure',
        `kie's answer to the task submission could not be read (${error.message}). kie probably accepted (and billed) the task, ` +
          'but no task id came back, so this run can neither follow nor resume it. It was not submitted again, so it cannot be charged twice.',
        { cause: error },
      );
    }
    return new GptImageError('provider_failure', `kie's answer could not be read while ${op.what}${task} (${error.message}).${op.taskId ? ` ${RESUMABLE}` : ''}`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GptImageError('internal', `Something unexpected failed while ${op.what}${task}: ${hide(message)}`);
}

/** Removes the key from text kie may echo back. */
export function hideKey(text: string, apiKey: string): string {
  return redact(text, [apiKey]);
}

/** The host of a URL, for messages (never the path, which may carry a signature). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured address';
  }
}
