import { promptLength } from '../options/prompt-rule';
import { imageInputTokens } from '../pricing/estimate-cost';
import { OPENAI_PRICES } from '../pricing/price-tables';
import type { PixelSize } from '../sizes/size-rule';

/** The `usage` object of an image response. */
export interface ImageUsage {
  readonly input_tokens: number;
  readonly input_tokens_details: { readonly image_tokens: number; readonly text_tokens: number };
  readonly output_tokens: number;
  readonly output_tokens_details: { readonly image_tokens: number; readonly text_tokens: number };
  readonly total_tokens: number;
}

/** Extra output tokens the vendor bills per streamed partial image (SPEC 3.2). */
export const TOKENS_PER_PARTIAL_IMAGE = 100;

/**
 * Plausible token counts: output tokens are the published per-image price turned back into tokens
 * at the image-output rate (so the fake's bill matches the price table), scaled by pixel count;
 * about four prompt characters a token; references by the vision tile rule.
 */
export function imageUsage(spec: {
  readonly prompt: string;
  readonly quality: 'low' | 'medium' | 'high';
  readonly size: PixelSize;
  readonly inputImages: readonly PixelSize[];
  readonly partialImages: number;
}): ImageUsage {
  const { width, height } = spec.size;
  const square = width === height;
  const reference = square ? { key: '1024x1024', pixels: 1024 * 1024 } : { key: width > height ? '1536x1024' : '1024x1536', pixels: 1536 * 1024 };
  const prices: Readonly<Record<string, number>> = OPENAI_PRICES.perImage[spec.quality];
  const price = prices[reference.key] ?? 0;
  const perImageTokens = (price / OPENAI_PRICES.tokenRates.imageOutput) * 1e6;
  const imageOutput = Math.round((perImageTokens * width * height) / reference.pixels) + spec.partialImages * TOKENS_PER_PARTIAL_IMAGE;
  const textTokens = Math.ceil(promptLength(spec.prompt) / 4);
  const imageTokens = spec.inputImages.reduce((sum, size) => sum + imageInputTokens(size), 0);
  const input = textTokens + imageTokens;
  return {
    input_tokens: input,
    input_tokens_details: { image_tokens: imageTokens, text_tokens: textTokens },
    output_tokens: imageOutput,
    output_tokens_details: { image_tokens: imageOutput, text_tokens: 0 },
    total_tokens: input + imageOutput,
  };
}
