import type { PixelSize } from './size-rule';

const SIZE_PATTERN = /^\s*(\d{1,6})\s*[xX×]\s*(\d{1,6})\s*$/;

/**
 * Reads `WIDTHxHEIGHT` (also `W X H` and `W×H`, as people type them). Returns null for anything
 * else; whether the size obeys the rule is a separate question (`sizeViolations`).
 */
export function parseSize(text: string): PixelSize | null {
  const match = SIZE_PATTERN.exec(text);
  if (!match?.[1] || !match[2]) return null;
  return { width: Number(match[1]), height: Number(match[2]) };
}
