import type { Quality, Resolution } from '../options/option-values';

/**
 * Published prices, kept as dated data: when a provider changes them, this file and its date are
 * the only things to change.
 */
export const OPENAI_PRICES = {
  asOf: '2026-11-01',
  model: 'gpt-image-2',
  /** USD per image at the sizes the vendor publishes. */
  perImage: {
    low: { '1024x1024': 0.006, '1536x1024': 0.005, '1024x1536': 0.005 },
    medium: { '1024x1024': 0.053, '1536x1024': 0.041, '1024x1536': 0.041 },
    high: { '1024x1024': 0.211, '1536x1024': 0.165, '1024x1536': 0.165 },
  } satisfies Record<Quality, Record<string, number>>,
  /** USD per million tokens. */
  tokenRates: { textInput: 5, imageInput: 8, imageOutput: 30 },
} as const;

export const KIE_PRICES = {
  asOf: '2026-11-01',
  /** Credits per image by tier; there are no quality tiers and references are not billed. */
  perImage: { '1K': 6, '2K': 10, '4K': 16 } satisfies Record<Resolution, number>,
} as const;
