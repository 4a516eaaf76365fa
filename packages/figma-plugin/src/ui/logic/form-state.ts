import type { AspectRatio, ProviderId, Quality, Resolution } from '@gpt-image/core';

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
