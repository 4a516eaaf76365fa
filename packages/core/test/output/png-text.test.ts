import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPngText, withPngText } from '../../src/output/png-text';
import { chunk, concat, latin1Bytes, parseChunks, testCrc32, tinyPng } from './png-fixtures';

describe('test CRC-32', () => {
  it('matches the standard check value', () => {
    expect(testCrc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('withPngText / readPngText', () => {
  const entries = {
    prompt: 'A fox 🦊 under 東京の夜景, crème brûlée',
    options: JSON.stringify({ quality: 'high', size: '1024x1024' }),
    'Software name': 'gpt-image',
  };

  it('round-trips UTF-8 text including emoji and CJK', () => {
    const out = withPngText(tinyPng(), entries);
    expect(readPngText(out)).toEqual(entries);
  });

  it('writes one iTXt chunk per entry right after IHDR, all CRCs valid', () => {
    const out = withPngText(tinyPng(), entries);
    const chunks = parseChunks(out);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'iTXt', 'iTXt', 'iTXt', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcValid)).toBe(true);
    // Uncompressed, empty language and translated keyword.
    const first = chunks[1]!.data;
    const keyword = new TextEncoder().encode('prompt');
    expect([...first.subarray(0, keyword.length + 5)]).toEqual([...keyword, 0, 0, 0, 0, 0]);
  });

  it('keeps the image data intact', () => {
    const png = tinyPng();
    const idat = (p: Uint8Array) => parseChunks(p).find((c) => c.type === 'IDAT')!.data;
    const out = withPngText(png, { a: 'b' });
    expect(inflateSync(idat(out))).toEqual(inflateSync(idat(png)));
    expect(out.subarray(0, 8)).toEqual(png.subarray(0, 8));
  });

  it('does not modify its input', () => {
    const png = tinyPng();
    const copy = png.slice();
    withPngText(png, { a: 'b' });
    expect(png).toEqual(copy);
  });

  it('replaces existing text chunks with the same keyword instead of duplicating them', () => {
    const old = chunk('tEXt', concat([latin1Bytes('prompt'), Uint8Array.of(0), latin1Bytes('old')]));
    const keep = chunk('tEXt', concat([latin1Bytes('Author'), Uint8Array.of(0), latin1Bytes('me')]));
    const out = withPngText(withPngText(tinyPng([old, keep]), { prompt: 'new' }), { prompt: 'newer' });
    const types = parseChunks(out).map((c) => c.type);
    expect(types).toEqual(['IHDR', 'iTXt', 'tEXt', 'IDAT', 'IEND']);
    expect(readPngText(out)).toEqual({ prompt: 'newer', Author: 'me' });
  });

  it('reads Latin-1 tEXt chunks', () => {
    const text = chunk('tEXt', concat([latin1Bytes('Comment'), Uint8Array.of(0), latin1Bytes('café')]));
    expect(readPngText(tinyPng([text]))).toEqual({ Comment: 'café' });
  });

  it('skips compressed iTXt and malformed text chunks instead of failing', () => {
    const compressed = chunk('iTXt', concat([latin1Bytes('z'), Uint8Array.of(0, 1, 0, 0, 0), Uint8Array.of(1, 2, 3)]));
    const noNul = chunk('tEXt', latin1Bytes('garbage'));
    expect(readPngText(tinyPng([compressed, noNul]))).toEqual({});
  });

  it('returns "__proto__" as an ordinary key', () => {
    const out = withPngText(tinyPng(), { __proto__x: 'a', ['__proto__']: 'b' });
    const read = readPngText(out);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.keys(read).sort()).toEqual(['__proto__', '__proto__x']);
  });

  it('allows an empty entries object', () => {
    const png = tinyPng();
    expect(withPngText(png, {})).toEqual(png);
  });

  it.each([
    ['', 'must be 1 to 79'],
    ['k'.repeat(80), 'must be 1 to 79'],
    ['emoji🦊', 'printable Latin-1'],
    ['tab\there', 'printable Latin-1'],
    [' lead', 'may not start or end with a space'],
    ['two  spaces', 'may not start or end with a space'],
  ])('rejects keyword %j', (keyword, message) => {
    expect(() => withPngText(tinyPng(), { [keyword]: 'x' })).toThrow(message);
  });

  it('accepts a 79-character Latin-1 keyword', () => {
    const keyword = `é${'k'.repeat(78)}`;
    expect(readPngText(withPngText(tinyPng(), { [keyword]: 'v' }))).toEqual({ [keyword]: 'v' });
  });

  it('rejects bytes that are not a PNG with a clear error', () => {
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0, 0);
    expect(() => withPngText(jpeg, {})).toThrow(/Not a PNG file/);
    expect(() => readPngText(new Uint8Array(0))).toThrow(/Not a PNG file/);
  });

  it('rejects a truncated PNG', () => {
    const png = tinyPng();
    expect(() => readPngText(png.subarray(0, png.length - 6))).toThrow(/Truncated PNG/);
    expect(() => readPngText(png.subarray(0, 30))).toThrow(/Truncated PNG/);
  });

  it('works on a PNG that is a view into a larger buffer', () => {
    const png = tinyPng();
    const padded = new Uint8Array(png.length + 10);
    padded.set(png, 5);
    const view = padded.subarray(5, 5 + png.length);
    expect(readPngText(withPngText(view, { k: 'v' }))).toEqual({ k: 'v' });
  });
});
