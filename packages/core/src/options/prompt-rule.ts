import { MAX_PROMPT_CODE_POINTS } from './option-values';

/**
 * The length of a prompt as the model counts it: Unicode code points after trimming, so an emoji
 * is one character (JavaScript's `length` would count two).
 */
export function promptLength(prompt: string): number {
  // Spreading a string walks code points, not UTF-16 units.
  return [...prompt.trim()].length;
}

/** Why a prompt cannot be sent, or null when it can. */
export function promptProblem(prompt: string): string | null {
  const length = promptLength(prompt);
  if (length === 0) return 'prompt is required: it is empty after trimming spaces';
  if (length > MAX_PROMPT_CODE_POINTS) {
    return `prompt must be at most ${MAX_PROMPT_CODE_POINTS.toLocaleString('en-US')} characters after trimming (it has ${length.toLocaleString('en-US')})`;
  }
  return null;
}
