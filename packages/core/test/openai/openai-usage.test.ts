import { describe, expect, it } from 'vitest';
import { costFromUsage } from '../../src/providers/openai/index';

describe('costFromUsage', () => {
  it('prices text input, image input and image output at their own rates', () => {
    // 1,000 text tokens at $5/M + 2,000 image tokens at $8/M + 10,000 output tokens at $30/M.
    const cost = costFromUsage({ input_tokens: 3000, output_tokens: 10_000, total_tokens: 13_000, input_tokens_details: { text_tokens: 1000, image_tokens: 2000 } });
    expect(cost).toEqual({ amount: 0.005 + 0.016 + 0.3, unit: 'USD', estimate: false });
  });

  it('counts all input as text when there is no split', () => {
    expect(costFromUsage({ input_tokens: 200, output_tokens: 0 })?.amount).toBe(0.001);
  });

  it('gives null for a missing or odd usage, never a wrong figure', () => {
    expect(costFromUsage(undefined)).toBeNull();
    expect(costFromUsage({ input_tokens: 'many' })).toBeNull();
  });
});
