import { describe, expect, it } from 'vitest';
import { ELLIPSIS, toFontText, truncateLine, wrapText } from '../../src/placeholder/text-fit';

describe('toFontText', () => {
  it('folds accents and typographic punctuation to what the font can draw', () => {
    expect(toFontText('Café “latte” — naïve ‘art’')).toBe('Cafe "latte" - naive \'art\'');
    expect(toFontText('Straße  and\n\tØresund')).toBe('Strasse and Oresund');
  });

  it('keeps characters it cannot fold, so they are drawn as boxes', () => {
    expect(toFontText('日本 cherry')).toBe('日本 cherry');
  });
});

describe('wrapText', () => {
  it('wraps on spaces without exceeding the line length', () => {
    expect(wrapText('a quick brown fox jumps', 11, 3)).toEqual(['a quick', 'brown fox', 'jumps']);
  });

  it('ends the last line with an ellipsis when text is left over', () => {
    const lines = wrapText('one two three four five six seven eight', 10, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith(ELLIPSIS)).toBe(true);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(10);
  });

  it('breaks words longer than a line', () => {
    expect(wrapText('abcdefghijkl', 5, 3)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(wrapText('😀😀😀😀', 2, 2)).toEqual(['😀😀', '😀😀']);
  });

  it('returns no lines for empty text', () => {
    expect(wrapText('', 10, 2)).toEqual([]);
  });
});

describe('truncateLine', () => {
  it('leaves short text alone and cuts long text with an ellipsis', () => {
    expect(truncateLine('edit of 2 images', 20)).toBe('edit of 2 images');
    expect(truncateLine('edit of 2 images', 8)).toBe(`edit of${ELLIPSIS}`);
  });
});
