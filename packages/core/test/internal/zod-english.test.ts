import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { englishIssue } from '../../src/internal/zod-english';

/** zod's own English locale: what classic zod printed before core moved to zod/mini. */
const zodEnglish = z.locales.en().localeError;

const cases: [string, z.core.$ZodType, unknown][] = [
  ['string/number', z.string(), 5],
  ['string/undefined', z.string(), undefined],
  ['number/NaN', z.number(), Number.NaN],
  ['number/Infinity', z.number(), Number.POSITIVE_INFINITY],
  ['object/null', z.object({}), null],
  ['object/array', z.object({}), []],
  ['string/bytes', z.string(), new Uint8Array(2)],
  ['string/no prototype', z.string(), Object.create(null)],
  ['string/plain object', z.string(), {}],
  ['int/float', z.number().check(z.int()), 1.5],
  ['positive', z.number().check(z.positive()), 0],
  ['nonnegative', z.number().check(z.nonnegative()), -1],
  ['lte', z.number().check(z.lte(1)), 2],
  ['lt', z.number().check(z.lt(1)), 2],
  ['multipleOf', z.number().check(z.multipleOf(3)), 2],
  ['minLength', z.string().check(z.minLength(1)), ''],
  ['maxLength', z.string().check(z.maxLength(1)), 'ab'],
  ['length', z.string().check(z.length(2)), 'a'],
  ['array min', z.array(z.number()).check(z.minLength(1)), []],
  ['regex', z.string().check(z.regex(/^a$/)), 'b'],
  ['startsWith', z.string().check(z.startsWith('data:image/')), 'text/plain'],
  ['endsWith', z.string().check(z.endsWith('.png')), 'a.gif'],
  ['includes', z.string().check(z.includes('x')), 'abc'],
  ['datetime', z.iso.datetime({ offset: true }), 'yesterday'],
  ['url', z.url(), 'not a url'],
  ['literal', z.literal(1), 2],
  ['literal string', z.literal('a'), 'b'],
  ['enum', z.enum(['png', 'jpeg']), 'gif'],
  ['record', z.record(z.string(), z.unknown()), []],
  ['strict one', z.strictObject({}), { a: 1 }],
  ['strict two', z.strictObject({}), { a: 1, b: 2 }],
  ['union', z.union([z.number(), z.string()]), null],
  ['discriminated', z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]), { kind: 'c' }],
  ['set element', z.set(z.number()), new Set(['a'])],
  ['custom', z.custom(() => false), 1],
];

describe('englishIssue', () => {
  it.each(cases)('words %s as zod’s English locale does', (_name, schema, input) => {
    const ours = z.safeParse(schema, input, { error: englishIssue });
    const zods = z.safeParse(schema, input, { error: zodEnglish });
    expect(ours.success).toBe(false);
    expect(ours.error?.issues.map((issue) => issue.message)).toEqual(zods.error?.issues.map((issue) => issue.message));
  });
});
