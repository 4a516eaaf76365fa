/**
 * A finished (possibly paid) image that could not be written where it was meant to go. The core
 * has already kept a copy in the temporary folder (its message says where); this error also
 * carries the bytes so the user can be offered Save As (SPEC 6: nothing lost).
 */
import type { GeneratedImage, GptImageError, RequestSummary } from '@gpt-image/core';

export class UnsavedImageError extends Error {
  override readonly name = 'UnsavedImageError';

  constructor(
    readonly image: GeneratedImage,
    readonly request: RequestSummary,
    override readonly cause: GptImageError,
  ) {
    super(cause.message, { cause });
  }
}
