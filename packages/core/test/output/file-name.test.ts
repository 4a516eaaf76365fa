import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../src/internal/hash';
import { extensionFor, outputFileName, slugify } from '../../src/output/file-name';

describe('slugify', () => {
  it('lower-cases and joins words with single hyphens', () => {
    expect(slugify('A Red Fox,  in   the SNOW!')).toBe('a-red-fox-in-the-snow');
  });

  it('drops punctuation at the edges and collapses it inside', () => {
    expect(slugify('...Hello -- world?!... (v2) ')).toBe('hello-world-v2');
    expect(slugify("don't stop")).toBe('dont-stop');
  });

  it('folds diacritics and letters NFKD does not decompose', () => {
    expect(slugify('Crème brûlée à São Paulo')).toBe('creme-brulee-a-sao-paulo');
    expect(slugify('Straße in Øresund, Łódź')).toBe('strasse-in-oresund-lodz');
    expect(slugify('ﬁne Ｆｕｌｌｗｉｄｔｈ')).toBe('fine-fullwidth');
  });

  it('falls back to "image" when nothing readable is left', () => {
    expect(slugify('🦊🌲❄️')).toBe('image');
    expect(slugify('')).toBe('image');
    expect(slugify('   ---   ')).toBe('image');
    expect(slugify('東京の夜景')).toBe('image');
  });

  it('keeps the readable part of a mixed prompt', () => {
    expect(slugify('🦊 fox 🌲')).toBe('fox');
  });

  it('cuts a long prompt on a word boundary within maxLength', () => {
    const prompt = 'a very long prompt describing a sprawling fantasy city at dusk with airships and lanterns';
    const slug = slugify(prompt);
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug).toBe('a-very-long-prompt-describing-a-sprawling');
    expect(prompt.replaceAll(' ', '-').startsWith(slug)).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('cuts a single over-long word hard', () => {
    expect(slugify('x'.repeat(100), 10)).toBe('xxxxxxxxxx');
    expect(slugify('supercalifragilistic word', 5)).toBe('super');
  });

  it('honours a custom maxLength exactly at the boundary', () => {
    expect(slugify('abc def ghi', 7)).toBe('abc-def');
    expect(slugify('abc def ghi', 6)).toBe('abc');
  });

  it('rejects a maxLength that cannot hold a slug', () => {
    expect(() => slugify('x', 0)).toThrow(RangeError);
  });
});

describe('extensionFor', () => {
  it('maps each format, jpeg to jpg', () => {
    expect(extensionFor('png')).toBe('png');
    expect(extensionFor('jpeg')).toBe('jpg');
    expect(extensionFor('webp')).toBe('webp');
  });
});

describe('outputFileName', () => {
  const hash6 = fnv1a32('task-123').toString(16).padStart(8, '0').slice(0, 6);

  it.each([
    ['png', 'png'],
    ['jpeg', 'jpg'],
    ['webp', 'webp'],
  ] as const)('names a %s file with the .%s extension', (format, ext) => {
    expect(outputFileName({ prompt: 'Red fox', format, hashSource: 'task-123' })).toBe(`red-fox-${hash6}.${ext}`);
  });

  it('uses six hex characters of the hash and changes with the hash source', () => {
    const a = outputFileName({ prompt: 'Red fox', format: 'png', hashSource: 'one' });
    const b = outputFileName({ prompt: 'Red fox', format: 'png', hashSource: 'two' });
    expect(a).toMatch(/^red-fox-[0-9a-f]{6}\.png$/);
    expect(a).not.toBe(b);
  });

  it('keeps the leading zeros of a small hash', () => {
    // Find a source whose hash has a zero top nibble, so padStart matters.
    let source = 0;
    while (fnv1a32(String(source)) >= 0x10000000) source++;
    expect(outputFileName({ prompt: 'x', format: 'png', hashSource: String(source) })).toMatch(/^x-0[0-9a-f]{5}\.png$/);
  });

  it('falls back to "image" for an emoji-only prompt', () => {
    expect(outputFileName({ prompt: '🎨', format: 'webp', hashSource: 's' })).toMatch(/^image-[0-9a-f]{6}\.webp$/);
  });
});
