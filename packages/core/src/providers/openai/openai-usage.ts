import * as z from 'zod/mini';
import type { Cost } from '../../pricing/cost';
import { OPENAI_PRICES } from '../../pricing/price-tables';

/** The `usage` object of an images response or a `*.completed` event. */
export const openAiUsageSchema = z.object({
  input_tokens: z.number().check(z.nonnegative()),
  output_tokens: z.number().check(z.nonnegative()),
  input_tokens_details: z.optional(
    z.object({ image_tokens: z.optional(z.number().check(z.nonnegative())), text_tokens: z.optional(z.number().check(z.nonnegative())) }),
  ),
});
export type OpenAiUsage = z.infer<typeof openAiUsageSchema>;

/**
 * What a request really cost, from the tokens OpenAI reports: text input, image input (the
 * reference images) and image output each at their own rate. Returns null when there is no usage
 * or it is not in the documented shape: the image still counts, only the bill is unknown.
 */
export function costFromUsage(usage: unknown): Cost | null {
  const parsed = openAiUsageSchema.safeParse(usage);
  if (!parsed.success) return null;
  const { input_tokens: input, output_tokens: output, input_tokens_details: details } = parsed.data;
  const imageInput = Math.min(input, details?.image_tokens ?? 0);
  // Without a split, every input token is text (a generate request has no images).
  const textInput = details?.text_tokens ?? input - imageInput;
  const rates = OPENAI_PRICES.tokenRates;
  const usd = (textInput * rates.textInput + imageInput * rates.imageInput + output * rates.imageOutput) / 1e6;
  // Rounded to a millionth of a cent so sums of rates do not print as 0.30000000000000004.
  return { amount: Math.round(usd * 1e8) / 1e8, unit: 'USD', estimate: false };
}
