import { ASPECT_RATIOS, MODERATIONS, OUTPUT_FORMATS, QUALITIES, BACKGROUNDS, type AspectRatio } from '../options/option-values';
import type { ProviderCapabilities } from './provider-capabilities';

/** The providers the product knows, by id. */
export const PROVIDER_IDS = ['placeholder', 'openai', 'kie'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** A provider as data: who it is, which model it runs and what it accepts. */
export interface ProviderDescriptor {
  readonly id: ProviderId;
  readonly label: string;
  /** Model name recorded in the manifest. */
  readonly model: string;
  /** Whether it needs an API key (and sends data over the network). */
  readonly needsKey: boolean;
  readonly capabilities: ProviderCapabilities;
}

const EVERY_RATIO = ASPECT_RATIOS;
const PRESETS_ONLY = ASPECT_RATIOS.filter((r): r is Exclude<AspectRatio, 'auto'> => r !== 'auto');

export const PROVIDERS: Readonly<Record<ProviderId, ProviderDescriptor>> = {
  placeholder: {
    id: 'placeholder',
    label: 'Placeholder (offline, free)',
    model: 'placeholder',
    needsKey: false,
    capabilities: {
      customSize: true,
      aspectRatios: { '1K': EVERY_RATIO, '2K': EVERY_RATIO, '4K': EVERY_RATIO },
      qualities: QUALITIES,
      outputFormats: OUTPUT_FORMATS,
      backgrounds: BACKGROUNDS,
      moderations: MODERATIONS,
      maxImages: 16,
      imagesAsUrls: false,
    },
  },
  openai: {
    id: 'openai',
    label: 'OpenAI',
    model: 'gpt-image-2',
    needsKey: true,
    capabilities: {
      customSize: true,
      aspectRatios: { '1K': EVERY_RATIO, '2K': EVERY_RATIO, '4K': EVERY_RATIO },
      qualities: QUALITIES,
      outputFormats: OUTPUT_FORMATS,
      // The vendor withdrew `transparent` for gpt-image-2 on 2026-09-30; it now answers 400.
      backgrounds: ['auto', 'opaque'],
      moderations: MODERATIONS,
      maxImages: 16,
      imagesAsUrls: false,
    },
  },
  kie: {
    id: 'kie',
    label: 'Kie (credits)',
    model: 'gpt-image-2',
    needsKey: true,
    capabilities: {
      // Only presets: the task API takes `aspect_ratio` and `resolution`, not pixels.
      customSize: false,
      // `auto` is allowed at 1K only; 1:1 is refused at 4K. Other refused pairs may exist:
      // this table is the one place to record them.
      aspectRatios: {
        '1K': EVERY_RATIO,
        '2K': PRESETS_ONLY,
        '4K': PRESETS_ONLY.filter((r) => r !== '1:1'),
      },
      // One quality level: the option is accepted and has no effect.
      qualities: null,
      outputFormats: ['png'],
      backgrounds: ['auto'],
      moderations: ['auto'],
      maxImages: 16,
      imagesAsUrls: true,
    },
  },
};

/** The descriptor of a provider id; throws on an unknown id (callers validate ids first). */
export function providerDescriptor(id: ProviderId): ProviderDescriptor {
  return PROVIDERS[id];
}

/** True when the text is a known provider id. */
export function isProviderId(text: string): text is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(text);
}
