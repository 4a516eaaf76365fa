import { Base64Decoder } from './base64-decoder';

/** A JSON document with its first `b64_json` string taken out and decoded. */
export interface ScannedJson {
  /** The document, parsed, with that string replaced by `""`. */
  readonly json: unknown;
  /** The decoded bytes of the first `b64_json` value, or null when there was none. */
  readonly image: Uint8Array | null;
}

/**
 * Reads one JSON document arriving in pieces and decodes the value of its first `b64_json` key
 * straight into bytes, so a 4K image never exists as a JavaScript string. Everything else (usage,
 * sizes, an error object: a few hundred bytes) is kept and parsed with `JSON.parse` at the end.
 * It tokenises just enough JSON (strings, escapes, `:`) to know that a string is the value of the
 * key `b64_json` and not, say, text inside a prompt.
 */
export class JsonImageScanner {
  private readonly kept: Uint8Array[] = [];
  private keptLength = 0;
  private state: 'outside' | 'string' | 'escape' | 'image' | 'skipped-image' = 'outside';
  /** The characters of the string being read, while it is short enough to be a key we want. */
  private stringText: string | null = '';
  private lastString: string | null = null;
  private valueOf: string | null = null;
  private decoder: Base64Decoder | null = null;
  private image: Uint8Array | null = null;
  private readonly imageSizeHint: number;

  /** @param imageSizeHint the most bytes the image can have, when known (from `Content-Length`). */
  constructor(imageSizeHint = 0) {
    this.imageSizeHint = imageSizeHint;
  }

  /** Reads `bytes[start, end)`. */
  write(bytes: Uint8Array, start = 0, end = bytes.length): void {
    let keepFrom = start;
    let i = start;
    while (i < end) {
      if (this.state === 'image' || this.state === 'skipped-image') {
        // Decoding and finding the closing quote are one pass over the megabytes of base64.
        const close = this.state === 'image' && this.decoder ? this.decoder.write(bytes, i, end) : indexOfQuote(bytes, i, end);
        if (close >= end || close < 0) return;
        if (this.state === 'image' && this.decoder) {
          this.image = this.decoder.finish();
          this.decoder = null;
        }
        this.state = 'outside';
        this.lastString = null;
        this.valueOf = null;
        // The closing quote is kept, so the document reads `"b64_json":""`.
        keepFrom = close;
        i = close + 1;
        continue;
      }
      const code = bytes[i]!;
      switch (this.state) {
        case 'outside':
          if (code === QUOTE) {
            if (this.valueOf === 'b64_json') {
              this.keep(bytes, keepFrom, i + 1);
              if (this.image === null) {
                this.state = 'image';
                this.decoder = new Base64Decoder(this.imageSizeHint);
              } else {
                this.state = 'skipped-image';
              }
              i += 1;
              keepFrom = i;
              continue;
            }
            this.state = 'string';
            this.stringText = '';
          } else if (code === COLON) {
            this.valueOf = this.lastString;
          } else if (!isWhitespace(code)) {
            this.lastString = null;
            this.valueOf = null;
          }
          break;
        case 'string':
          if (code === BACKSLASH) {
            this.state = 'escape';
          } else if (code === QUOTE) {
            this.state = 'outside';
            this.lastString = this.stringText;
            this.valueOf = null;
          } else if (this.stringText !== null) {
            this.stringText = this.stringText.length < 16 ? this.stringText + String.fromCharCode(code) : null;
          }
          break;
        case 'escape':
          // An escaped key is never the plain `b64_json` we look for.
          this.state = 'string';
          this.stringText = null;
          break;
      }
      i += 1;
    }
    this.keep(bytes, keepFrom, end);
  }

  /** The document and its image; throws a `SyntaxError` when the document is not valid JSON. */
  finish(): ScannedJson {
    if (this.state === 'image' || this.state === 'skipped-image') throw new SyntaxError('the JSON ends inside the image data');
    const text = new TextDecoder().decode(this.joinKept());
    return { json: JSON.parse(text), image: this.image };
  }

  private keep(bytes: Uint8Array, start: number, end: number): void {
    if (end <= start) return;
    // A copy: the network may reuse its chunk's memory once this returns.
    this.kept.push(bytes.slice(start, end));
    this.keptLength += end - start;
    if (this.keptLength > MAX_KEPT) throw new SyntaxError(`the JSON outside the image is larger than ${MAX_KEPT} bytes`);
  }

  private joinKept(): Uint8Array {
    const out = new Uint8Array(this.keptLength);
    let at = 0;
    for (const piece of this.kept) {
      out.set(piece, at);
      at += piece.length;
    }
    return out;
  }
}

/** More than this outside the image means the body is not what the endpoint sends. */
const MAX_KEPT = 4 * 1024 * 1024;

const QUOTE = 0x22;
const COLON = 0x3a;
const BACKSLASH = 0x5c;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function indexOfQuote(bytes: Uint8Array, start: number, end: number): number {
  const found = bytes.indexOf(QUOTE, start);
  return found >= 0 && found < end ? found : -1;
}
