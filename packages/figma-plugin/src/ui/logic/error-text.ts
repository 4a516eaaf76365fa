import { GptImageError } from '@gpt-image/core';
import { RequestFailedError } from '../../protocol/ui-endpoint';

/** An error as the UI shows it: what happened, and what the user can do about it. */
export interface ErrorText {
  readonly message: string;
  readonly hint: string | null;
}

/** Core's typed errors give their own message and hint; main's refusals and anything else their message. */
export function errorText(error: unknown): ErrorText {
  if (error instanceof GptImageError) return { message: error.message, hint: error.hint };
  if (error instanceof RequestFailedError) return { message: error.message, hint: null };
  return { message: error instanceof Error ? error.message : String(error), hint: null };
}

/** Whether the error is the user's own cancel. */
export const isCancel = (error: unknown): boolean => error instanceof GptImageError && error.kind === 'cancelled';
