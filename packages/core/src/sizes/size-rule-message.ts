import { nearestValidSize } from './nearest-size';
import { formatSize, sizeViolations, type PixelSize } from './size-rule';

/**
 * What to tell someone whose size breaks the rule: one sentence per broken rule, each naming the
 * numbers and the nearest valid size. Null when the size is valid. Every entry point (the options
 * schema, the VS Code view, the Figma UI) words size refusals through this.
 */
export function sizeRuleMessages(size: PixelSize): { readonly messages: string[]; readonly nearest: PixelSize } | null {
  const violations = sizeViolations(size);
  if (violations.length === 0) return null;
  const nearest = nearestValidSize(size);
  return { messages: violations.map((v) => `${v.message}; nearest valid size is ${formatSize(nearest)}`), nearest };
}
