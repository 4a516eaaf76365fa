import {
  ASPECT_RATIOS, QUALITIES, RESOLUTIONS, formatSize, isProviderId, isValidSize, parseSize,
  type AspectRatio, type ProviderId, type Quality, type Resolution,
} from '@gpt-image/core';
import type { JsonValue } from '../../protocol/json';
import type { Prefill } from '../../protocol/shapes';

/** The aspect choices: core's presets, `auto` ("Match frame" when something is selected) and a typed size. */
export type AspectChoice = AspectRatio | 'custom';

/** What the form holds. */
export interface FormState {
  readonly prompt: string;
  readonly resolution: Resolution;
  readonly quality: Quality;
  readonly aspect: AspectChoice;
  /** As typed, e.g. `1536x1024`; used when `aspect` is `custom`. */
  readonly customSize: string;
  readonly provider: ProviderId;
}

/** The form when the plugin opens: core's defaults, and the free offline provider. */
export const INITIAL_FORM: FormState = {
  prompt: '',
  resolution: '1K',
  quality: 'low',
  aspect: 'auto',
  customSize: '',
  provider: 'placeholder',
};

/**
 * The form a relaunch button restores from the result's provenance: its provider, and core's
 * validated options as core named them (an exact `size` becomes a custom size, since that is what
 * was asked for, whether typed or matched to a frame). The prompt for "Regenerate"; "Edit again"
 * asks for a new one. A value that is not one the form offers (written by hand, by another plugin
 * or by an older version) leaves that field at its default rather than refuse the relaunch.
 */
export function restoredForm(prefill: Prefill): FormState {
  const { provenance } = prefill;
  const { options } = provenance;
  const size = validSize(options['size']);
  return {
    prompt: prefill.command === 'regenerate' ? provenance.prompt : INITIAL_FORM.prompt,
    provider: isProviderId(provenance.provider) ? provenance.provider : INITIAL_FORM.provider,
    resolution: oneOf(RESOLUTIONS, options['resolution']) ?? INITIAL_FORM.resolution,
    quality: oneOf(QUALITIES, options['quality']) ?? INITIAL_FORM.quality,
    aspect: size ? 'custom' : (oneOf(ASPECT_RATIOS, options['aspectRatio']) ?? INITIAL_FORM.aspect),
    customSize: size ?? INITIAL_FORM.customSize,
  };
}

function oneOf<T extends string>(values: readonly T[], value: JsonValue | undefined): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

/** `WIDTHxHEIGHT` when the value is a size core's rule accepts, else null. */
function validSize(value: JsonValue | undefined): string | null {
  const size = typeof value === 'string' ? parseSize(value) : null;
  return size && isValidSize(size) ? formatSize(size) : null;
}
