import {
  PROVIDERS, formatSize, parseSize, requestForShape, sizeRuleMessages,
  type PixelSize, type PresetRatio, type ProviderId, type Resolution, type ShapeRequest,
} from '@gpt-image/core';
import type { FormState } from './form-state';

/** What the form's size choice resolves to. */
export type SizeChoice =
  /** Core's options decide (a preset ratio, or `auto` with nothing to match). */
  | { readonly kind: 'options' }
  /** An exact size: the frame's shape at the tier's budget, or a valid typed size. */
  | { readonly kind: 'size'; readonly size: PixelSize; readonly reason: 'match-frame' | 'custom' }
  /**
   * "Match frame" for a provider that takes preset ratios only (kie): the preset ratio nearest the
   * frame's, at the form's tier; `size` is that preset's pixels, `exact` whether it is the frame's own ratio.
   */
  | { readonly kind: 'preset'; readonly aspectRatio: PresetRatio; readonly size: PixelSize; readonly exact: boolean; readonly reason: 'match-frame' }
  /** A typed size that breaks the size rule: the problems and the nearest valid size. */
  | { readonly kind: 'invalid'; readonly problems: readonly string[]; readonly nearest: PixelSize | null };

/**
 * The size the form asks for. `auto` with something selected means "match the frame" (SPEC 2):
 * for a provider that takes sizes, the valid size nearest the first image's shape and the tier's
 * pixel budget; for one that takes preset ratios only, the nearest ratio it offers at the tier
 * (core's `requestForShape` decides both).
 */
export function sizeChoice(form: FormState, firstShape: PixelSize | null): SizeChoice {
  if (form.aspect === 'custom') return customSize(form.customSize);
  if (form.aspect === 'auto' && firstShape && firstShape.width > 0 && firstShape.height > 0) {
    return matchChoice(matchFrame(firstShape, form.resolution, form.provider), form.provider);
  }
  return { kind: 'options' };
}

/** What "Match frame" asks the provider for. */
export function matchFrame(shape: PixelSize, resolution: Resolution, provider: ProviderId): ShapeRequest {
  return requestForShape(PROVIDERS[provider].capabilities, shape, resolution);
}

function matchChoice(request: ShapeRequest, provider: ProviderId): SizeChoice {
  switch (request.kind) {
    case 'size':
      return { kind: 'size', size: request.size, reason: 'match-frame' };
    case 'preset':
      return { kind: 'preset', aspectRatio: request.aspectRatio, size: request.size, exact: request.exact, reason: 'match-frame' };
    case 'none':
      return { kind: 'invalid', problems: [`The ${provider} provider offers no aspect ratio at ${request.resolution} to match the frame with; choose another resolution.`], nearest: null };
  }
}

/** The line under the aspect choice that says what "Match frame" will ask for. */
export function matchFrameNote(choice: SizeChoice, provider: ProviderId): string | null {
  if (choice.kind === 'size' && choice.reason === 'match-frame') return `Matches the first image: ${formatSize(choice.size)}`;
  if (choice.kind !== 'preset') return null;
  const why = choice.exact ? `the frame’s ratio, a ${provider} preset` : `nearest ${provider} supports`;
  return `Match frame → ${choice.aspectRatio} (${why}) · ${formatSize(choice.size)}`;
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
