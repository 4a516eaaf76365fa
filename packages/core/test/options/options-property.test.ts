import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateOptions, concreteSize, isValidSize, prepareRequest, PROVIDER_IDS, optionsSchema } from '../../src/index';

const FIELDS = Object.keys(optionsSchema.shape);

/** A valid value most of the time and a wrong one sometimes, so both outcomes are common. */
function mostly<T>(valid: fc.Arbitrary<T>, wrong: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 19 }, { arbitrary: wrong, weight: 1 });
}

const anyOptions = fc.record(
  {
    mode: mostly(fc.constantFrom('generate', 'edit'), fc.string()),
    prompt: mostly(fc.string({ minLength: 1, maxLength: 40 }), fc.oneof(fc.constant(''), fc.constant(' '), fc.integer())),
    resolution: mostly(fc.constantFrom('1K', '2K', '4K'), fc.string({ maxLength: 3 })),
    quality: mostly(fc.constantFrom('low', 'medium', 'high'), fc.constant('max')),
    aspectRatio: mostly(fc.constantFrom('auto', '1:1', '2:3', '3:2', '4:3', '3:4', '4:5', '5:4', '16:9', '9:16', '21:9'), fc.constant('7:1')),
    size: fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 })).map(([w, h]) => `${w * 16}x${h * 16}`),
      fc.tuple(fc.integer({ min: 40, max: 160 }), fc.integer({ min: 40, max: 160 })).map(([w, h]) => `${w * 16}x${h * 16}`),
      fc.tuple(fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 6000 })).map(([w, h]) => `${w}x${h}`),
      fc.string({ maxLength: 12 }),
    ),
    outputFormat: mostly(fc.constantFrom('png', 'jpeg', 'webp'), fc.constant('bmp')),
    background: mostly(fc.constantFrom('auto', 'opaque', 'transparent'), fc.constant('none')),
    moderation: mostly(fc.constant('auto'), fc.constantFrom('low', 'high')),
    images: fc.array(fc.constant({ url: 'https://example.com/a.png' }), { maxLength: 18 }),
  },
  { requiredKeys: [] },
);

describe('options property', () => {
  it('10,000 random option objects: accepted ones resolve to a valid size, refused ones name a field, nothing throws', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(anyOptions, (input) => {
        const result = validateOptions(input);
        if (result.ok) {
          accepted++;
          expect(isValidSize(concreteSize(result.value))).toBe(true);
        } else {
          refused++;
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            const field = FIELDS.find((f) => issue.message.includes(f));
            expect(field, issue.message).toBeDefined();
          }
        }
        for (const provider of PROVIDER_IDS) prepareRequest(input, provider);
      }),
      { numRuns: 10_000, seed: 20261124 },
    );
    // Both branches must have been exercised for the property to mean anything.
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });
});
