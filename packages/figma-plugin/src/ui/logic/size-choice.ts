import {
  formatSize, parseSize, sizeForShape, sizeRuleMessages, tierPixelBudget,
  type PixelSize, type Resolution,
} from '@gpt-image/core';
import type { FormState } from './form-state';

/** What the form's size choice resolves to. */
export type SizeChoice =
  /** Core's options decide (a preset ratio, or `auto` with nothing to match). */
  | { readonly kind: 'options' }
  /** An exact size: the frame's shape at the tier's budget, or a valid typed size. */
  | { readonly kind: 'size'; readonly size: PixelSize; readonly reason: 'match-frame' | 'custom' }
  /** A typed size that breaks the size rule: the problems and the nearest valid size. */
  | { readonly kind: 'invalid'; readonly problems: readonly string[]; readonly nearest: PixelSize | null };

/**
 * The size the form asks for. `auto` with something selected means "match the frame": the valid
 * size nearest the first image's shape and the tier's pixel budget (SPEC 2).
 */
export function sizeChoice(form: FormState, firstShape: PixelSize | null): SizeChoice {
  if (form.aspect === 'custom') return customSize(form.customSize);
  if (form.aspect === 'auto' && firstShape && firstShape.width > 0 && firstShape.height > 0) {
    return { kind: 'size', size: matchFrame(firstShape, form.resolution), reason: 'match-frame' };
  }
  return { kind: 'options' };
}

/** The size for "Match frame". */
export function matchFrame(shape: PixelSize, resolution: Resolution): PixelSize {
  return sizeForShape(shape, tierPixelBudget(resolution));
}

function customSize(text: string): SizeChoice {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'invalid', problems: ['Type a size as WIDTHxHEIGHT, e.g. 1536x1024.'], nearest: null };
  const size = parseSize(trimmed);
  if (!size) return { kind: 'invalid', problems: [`"${trimmed}" is not a size; write it as WIDTHxHEIGHT, e.g. 1536x1024.`], nearest: null };
  const refusal = sizeRuleMessages(size);
  if (!refusal) return { kind: 'size', size, reason: 'custom' };
  return { kind: 'invalid', problems: refusal.messages, nearest: formatSize(refusal.nearest) === formatSize(size) ? null : refusal.nearest };
}
