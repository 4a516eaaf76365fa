import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Base64Decoder, decodeBase64 } from '../../src/providers/openai/base64-decoder';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('Base64Decoder', () => {
  it('decodes any bytes fed in any pieces exactly as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(700), { maxLength: 8 }), (bytes, cuts) => {
        const text = ascii(Buffer.from(bytes).toString('base64'));
        const points = [...new Set([0, ...cuts.map((c) => c % (text.length + 1)), text.length])].sort((a, b) => a - b);
        const decoder = new Base64Decoder();
        for (let i = 1; i < points.length; i++) decoder.write(text, points[i - 1]!, points[i]!);
        expect(decoder.finish()).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('decodes into a buffer sized from a hint without growing it', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) & 0xff);
    const text = ascii(Buffer.from(bytes).toString('base64'));
    const decoder = new Base64Decoder(Math.ceil((text.length * 3) / 4));
    decoder.write(text, 0, text.length);
    expect(decoder.finish()).toEqual(bytes);
  });

  it('reads unpadded, URL-safe and JSON-escaped text', () => {
    expect(decodeBase64('aGk')).toEqual(ascii('hi'));
    expect(decodeBase64('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(decodeBase64('\\/w==')).toEqual(new Uint8Array([0xff]));
  });

  it('refuses characters outside the alphabet and text cut inside a byte', () => {
    expect(() => decodeBase64('ab$d')).toThrow(SyntaxError);
    expect(() => decodeBase64('abcde')).toThrow(SyntaxError);
    expect(() => decodeBase64('ab==cd')).toThrow(SyntaxError);
    expect(() => decodeBase64('aé==')).toThrow(SyntaxError);
  });
});

describe('Base64Decoder in JSON', () => {
  it('stops at the closing quote and says where it is', () => {
    const text = ascii('QUJDREVGR0hJSktMTU5PUA==", "usage": {}');
    const decoder = new Base64Decoder();
    expect(decoder.write(text, 0, text.length)).toBe(24);
    expect(new TextDecoder().decode(decoder.finish())).toBe('ABCDEFGHIJKLMNOP');
  });

  it('finds the closing quote and decodes exactly across a long piece, wherever the quote falls', () => {
    // A piece is decoded in slices of 64 Ki characters; put the quote on, just before and just
    // after those edges, and the text's end anywhere within a group of four.
    const texts = [49_149, 49_150, 49_151, 49_152, 49_153, 98_304, 150_001].flatMap((count) => {
      const bytes = new Uint8Array(count).map((_, i) => (i * 89) & 0xff);
      const padded = Buffer.from(bytes).toString('base64');
      return [{ bytes, text: padded }, { bytes, text: padded.replace(/=+$/, '') }];
    });
    // The quote lands at 65 532 … 65 540 (the first slice ends at 65 536), 131 072 and 200 004.
    expect(new Set(texts.map((t) => t.text.length))).toEqual(new Set([65_532, 65_534, 65_535, 65_536, 65_538, 65_540, 131_072, 200_002, 200_004]));
    for (const { bytes, text } of texts) {
      const body = ascii(`${text}","usage":{}}`);
      for (const hint of [0, bytes.length]) {
        const decoder = new Base64Decoder(hint);
        expect(decoder.write(body, 0, body.length)).toBe(text.length);
        const out = decoder.finish();
        expect(out.length).toBe(bytes.length);
        expect(Buffer.compare(out, bytes)).toBe(0);
      }
    }
  });

  it('refuses base64 that goes on after its padding', () => {
    expect(() => decodeBase64('QUJD====QUJDREVGR0hJ')).toThrow(SyntaxError);
  });
});
