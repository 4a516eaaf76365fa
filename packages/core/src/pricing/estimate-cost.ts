import type { Options } from '../options/options-schema';
import type { ProviderId } from '../providers/provider-catalog';
import { requestedSize } from '../sizes/resolve-size';
import { parseSize } from '../sizes/parse-size';
import type { PixelSize } from '../sizes/size-rule';
import { promptLength } from '../options/prompt-rule';
import type { Cost } from './cost';
import { KIE_PRICES, OPENAI_PRICES } from './price-tables';

/** A cost with where it comes from, for a tooltip or `--json`. */
export interface CostEstimate extends Cost {
  /** The date of the price table it was computed from. */
  readonly asOf: string | null;
  /** Parts of the figure, e.g. `{ output: 0.053, prompt: 0.0001, references: 0.012 }`. */
  readonly breakdown: Readonly<Record<string, number>>;
}

/**
 * What one request will cost in the provider's own unit, before it is sent: credits for a credit
 * API, USD for the model vendor (always an estimate there, since the bill is in tokens).
 */
export function estimateCost(options: Options, provider: ProviderId): CostEstimate {
  switch (provider) {
    case 'placeholder':
      return { amount: 0, unit: 'credits', estimate: false, asOf: null, breakdown: {} };
    case 'kie': {
      const credits = KIE_PRICES.perImage[options.resolution];
      return { amount: credits, unit: 'credits', estimate: false, asOf: KIE_PRICES.asOf, breakdown: { output: credits } };
    }
    case 'openai':
      return estimateOpenAi(options);
  }
}

function estimateOpenAi(options: Options): CostEstimate {
  const rates = OPENAI_PRICES.tokenRates;
  const output = openAiOutputPrice(options.quality, requestedSize(options));
  // About four characters a token for English text; a small share of the total at any length.
  const promptTokens = Math.ceil(promptLength(options.prompt) / 4);
  const prompt = (promptTokens * rates.textInput) / 1e6;
  let referenceTokens = 0;
  for (const image of options.images) {
    referenceTokens += imageInputTokens(image.source === 'bytes' ? image : { width: 1024, height: 1024 });
  }
  const references = (referenceTokens * rates.imageInput) / 1e6;
  const breakdown: Record<string, number> = { output, prompt };
  if (options.images.length > 0) breakdown['references'] = references;
  return { amount: output + prompt + references, unit: 'USD', estimate: true, asOf: OPENAI_PRICES.asOf, breakdown };
}

/**
 * The output price at a size: the published price where there is one; elsewhere the published
 * price of the same shape family (square or not) scaled by pixel count. `auto` is priced as the
 * square, the vendor's default.
 */
function openAiOutputPrice(quality: Options['quality'], size: PixelSize | null): number {
  const table: Readonly<Record<string, number>> = OPENAI_PRICES.perImage[quality];
  if (!size) return table['1024x1024'] ?? 0;
  const exact = table[`${size.width}x${size.height}`];
  if (exact !== undefined) return exact;
  const reference = size.width === size.height ? '1024x1024' : size.width > size.height ? '1536x1024' : '1024x1536';
  const base = parseSize(reference);
  const price = table[reference] ?? 0;
  if (!base) return price;
  return (price * (size.width * size.height)) / (base.width * base.height);
}

/**
 * Input tokens for one reference image, by the vendor's vision rule for its image models: scale
 * to fit 2048x2048, then the short side to 768, then 170 tokens per 512-px tile plus 85. An
 * estimate: the vendor does not publish a rule specific to gpt-image-2.
 */
export function imageInputTokens({ width, height }: PixelSize): number {
  let w = width;
  let h = height;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit;
  h *= fit;
  const shortScale = Math.min(1, 768 / Math.min(w, h));
  w *= shortScale;
  h *= shortScale;
  return 85 + 170 * Math.ceil(w / 512) * Math.ceil(h / 512);
}
