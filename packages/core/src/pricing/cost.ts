import { z } from 'zod';

/** The unit a provider bills in: US dollars for the model vendor, credits for a credit API. */
export const costUnitSchema = z.enum(['USD', 'credits']);
export type CostUnit = z.infer<typeof costUnitSchema>;

/** An amount in a provider's unit; `estimate` is true when it is not the provider's published price. */
export const costSchema = z.object({
  amount: z.number().nonnegative(),
  unit: costUnitSchema,
  estimate: z.boolean(),
});
export type Cost = z.infer<typeof costSchema>;
