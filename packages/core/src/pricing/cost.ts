import * as z from 'zod/mini';
import { englishIssue } from '../internal/zod-english';

// Part of the manifest, whose errors people read: each schema carries zod's English wording.
const en = { error: englishIssue };

/** The unit a provider bills in: US dollars for the model vendor, credits for a credit API. */
export const costUnitSchema = z.enum(['USD', 'credits'], en);
export type CostUnit = z.infer<typeof costUnitSchema>;

/** An amount in a provider's unit; `estimate` is true when it is not the provider's published price. */
export const costSchema = z.object(
  {
    amount: z.number(en).check(z.nonnegative()),
    unit: costUnitSchema,
    estimate: z.boolean(en),
  },
  en,
);
export type Cost = z.infer<typeof costSchema>;
