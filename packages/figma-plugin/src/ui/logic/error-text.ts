import { GptImageError } from '@gpt-image/core';
import { RequestFailedError } from '../../protocol/ui-endpoint';
import { blockedHostIn } from './allowed-fetch';

/** An error as the UI shows it: what happened, and what the user can do about it. */
export interface ErrorText {
  readonly message: string;
  readonly hint: string | null;
}

/**
 * Core's typed errors give their own message and hint; main's refusals and anything else their
 * message; a request to a host the manifest does not allow says which host.
 */
export function errorText(error: unknown): ErrorText {
  // A host the manifest does not allow (e.g. kie's result storage moved): name it, in one line.
  const blocked = blockedHostIn(error);
  if (blocked) {
    return {
      message: blocked.message,
      hint: 'The provider may already have made (and charged for) the image; it stays in your provider account for some days. This plugin needs an update that allows the host.',
    };
  }
  if (error instanceof GptImageError) return { message: error.message, hint: error.hint };
  if (error instanceof RequestFailedError) return { message: error.message, hint: null };
  return { message: error instanceof Error ? error.message : String(error), hint: null };
}

/** Whether the error is the user's own cancel. */
export const isCancel = (error: unknown): boolean => error instanceof GptImageError && error.kind === 'cancelled';
