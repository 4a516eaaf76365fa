import { ByteSink } from './byte-sink';

/**
 * A base64 decoder fed the raw bytes of a response, a piece at a time, as they arrive. It never
 * builds a string: Node 20 has no `Uint8Array.fromBase64`, `Buffer` is not in browsers, and
 * `atob` needs the whole text as a string first — which for a 4K image means two more copies of
 * ten-plus megabytes. Accepts the standard and URL-safe alphabets and `=` padding; a JSON-escaped
 * slash (`\/`) is read as `/`, and a `"` ends the text (it is read straight out of JSON).
 */
export class Base64Decoder {
  private readonly sink: ByteSink;
  /** Bits of a group of four characters not yet complete, and how many characters they hold. */
  private bits = 0;
  private pending = 0;
  private ended = false;

  constructor(sizeHint = 0) {
    this.sink = new ByteSink(sizeHint);
  }

  /**
   * Decodes `bytes[start, end)` up to the first `"` (the end of a JSON string), in one pass.
   * @returns the index of that quote, or `end` when the range held only base64.
   */
  write(bytes: Uint8Array, start: number, end: number): number {
    // In slices, so the sink is never asked for much room at once (its staging array stays small
    // however large a piece arrives).
    for (let from = start; from < end; ) {
      const to = Math.min(end, from + SLICE);
      const stop = this.writeSlice(bytes, from, to);
      if (stop < to) return stop;
      from = to;
    }
    return end;
  }

  private writeSlice(bytes: Uint8Array, start: number, end: number): number {
    // Three bytes per complete group of four characters, counting the group left over from the
    // last piece; no more, so a buffer sized exactly for the image is never overrun (which would
    // open a second segment and cost a copy of the whole image at the end).
    const { block, at } = this.sink.reserve(Math.floor((end - start + this.pending) / 4) * 3);
    let out = at;
    let i = start;
    let bits = this.bits;
    let pending = this.pending;
    // Eight characters (six bytes) at a time while they are all in the alphabet; one at a time
    // across group boundaries, padding, escapes and the closing quote.
    const { high, low } = pairTables();
    while (i < end) {
      if (pending === 0 && !this.ended) {
        while (i + 8 <= end) {
          // One look-up per pair of characters (a quarter of the time of one per character): each
          // table holds the pair's 12 bits already shifted into place, or -1.
          const g = high[(bytes[i]! << 8) | bytes[i + 1]!]! | low[(bytes[i + 2]! << 8) | bytes[i + 3]!]!;
          const h = high[(bytes[i + 4]! << 8) | bytes[i + 5]!]! | low[(bytes[i + 6]! << 8) | bytes[i + 7]!]!;
          if ((g | h) < 0) break;
          // Stores into a Uint8Array keep the low 8 bits.
          block[out] = g >>> 16;
          block[out + 1] = g >>> 8;
          block[out + 2] = g;
          block[out + 3] = h >>> 16;
          block[out + 4] = h >>> 8;
          block[out + 5] = h;
          out += 6;
          i += 8;
        }
        if (i >= end) break;
      }
      const code = bytes[i++]!;
      const value = DECODE[code]!;
      if (value <= 63) {
        if (this.ended) throw new SyntaxError('base64 text continues after its padding');
        bits = (bits << 6) | value;
        if (++pending === 4) {
          block[out] = bits >>> 16;
          block[out + 1] = (bits >>> 8) & 0xff;
          block[out + 2] = bits & 0xff;
          out += 3;
          bits = 0;
          pending = 0;
        }
      } else if (code === EQUALS) {
        this.ended = true;
      } else if (code === QUOTE) {
        i -= 1;
        break;
      } else if (code !== BACKSLASH) {
        throw new SyntaxError(`not a base64 character: ${JSON.stringify(String.fromCharCode(code))}`);
      }
    }
    this.bits = bits;
    this.pending = pending;
    this.sink.commit(out - at);
    return i;
  }

  /** The decoded bytes; throws when the text stopped in the middle of a byte. */
  finish(): Uint8Array {
    if (this.pending === 1) throw new SyntaxError('base64 text ends in the middle of a byte');
    if (this.pending === 2) {
      const { block, at } = this.sink.reserve(1);
      block[at] = (this.bits >>> 4) & 0xff;
      this.sink.commit(1);
    } else if (this.pending === 3) {
      const { block, at } = this.sink.reserve(2);
      block[at] = (this.bits >>> 10) & 0xff;
      block[at + 1] = (this.bits >>> 2) & 0xff;
      this.sink.commit(2);
    }
    this.pending = 0;
    return this.sink.finish();
  }
}

/** Decodes a whole base64 string (small texts: partial previews in tests, data URLs). */
export function decodeBase64(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Anything outside ASCII becomes 0, which the decoder refuses.
    bytes[i] = code < 0x80 ? code : 0;
  }
  const decoder = new Base64Decoder(Math.ceil((text.length * 3) / 4));
  if (decoder.write(bytes, 0, bytes.length) !== bytes.length) throw new SyntaxError('not a base64 character: \'"\'');
  return decoder.finish();
}

/** Characters decoded per call to the sink. */
const SLICE = 64 * 1024;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const DECODE = (() => {
  const table = new Uint8Array(256).fill(0xff);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  // URL-safe variants decode to the same values.
  table[0x2d] = 62;
  table[0x5f] = 63;
  return table;
})();

/**
 * DECODE for pairs of characters, indexed by `first << 8 | second`: the pair's 12 bits shifted
 * into place for the first (`high`) or second (`low`) half of a group of four, or -1 when either
 * character is outside the alphabet. 512 KB, so built on first use rather than at import.
 */
let pairs: { readonly high: Int32Array; readonly low: Int32Array } | null = null;

function pairTables(): { readonly high: Int32Array; readonly low: Int32Array } {
  if (pairs) return pairs;
  const high = new Int32Array(65536).fill(-1);
  const low = new Int32Array(65536).fill(-1);
  for (let first = 0; first < 256; first++) {
    const a = DECODE[first]!;
    if (a > 63) continue;
    for (let second = 0; second < 256; second++) {
      const b = DECODE[second]!;
      if (b > 63) continue;
      const bits = (a << 6) | b;
      high[(first << 8) | second] = bits << 12;
      low[(first << 8) | second] = bits;
    }
  }
  pairs = { high, low };
  return pairs;
}
