/**
 * Text metadata in PNG files (prompt, options, provenance), written as iTXt so any Unicode
 * survives, and read back from both tEXt and iTXt. Pure byte work, so it runs in a browser too.
 */
import { crc32 } from '../codecs/crc32';

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** The PNG spec caps chunk lengths at 2^31 - 1 so they fit a signed 32-bit integer. */
const MAX_CHUNK_LENGTH = 0x7fffffff;
const TEXT_CHUNK_TYPES = new Set(['tEXt', 'zTXt', 'iTXt']);
/** Keyword characters the PNG spec allows: printable Latin-1, no-break space (0xA0) excluded. */
const LATIN1_PRINTABLE = /^[\x20-\x7e\xa1-\xff]+$/;

/** Where one chunk sits in a PNG byte array. */
interface ChunkSpan {
  type: string;
  /** Offset of the length field. */
  start: number;
  /** Offset of the first data byte. */
  dataStart: number;
  /** Offset just past the data (where the CRC starts). */
  dataEnd: number;
  /** Offset just past the CRC. */
  end: number;
}

/**
 * A copy of a PNG with one uncompressed `iTXt` chunk per entry, placed right after IHDR so readers
 * that stop early still see it. Text chunks already in the file with one of the same keywords
 * (tEXt, zTXt or iTXt) are removed, so writing the same keys twice does not duplicate them.
 *
 * @param png a complete PNG file
 * @param entries keyword → text. A keyword is 1–79 Latin-1 printable characters without leading,
 *   trailing or double spaces (PNG rule); the text is any string, stored as UTF-8.
 * @throws Error if `png` is not a PNG or is truncated, or a keyword breaks the PNG rules
 */
export function withPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  const chunks = readChunks(png);
  const ihdr = chunks[0];
  if (ihdr === undefined) throw new Error('Not a valid PNG: it has no chunks');

  const newChunks: Uint8Array[] = [];
  const keywords = new Set<string>();
  for (const [keyword, text] of Object.entries(entries)) {
    assertValidKeyword(keyword);
    keywords.add(keyword);
    newChunks.push(encodeChunk('iTXt', encodeITxtData(keyword, text)));
  }

  const kept = chunks.slice(1).filter((chunk) => {
    if (!TEXT_CHUNK_TYPES.has(chunk.type)) return true;
    const keyword = readKeyword(png.subarray(chunk.dataStart, chunk.dataEnd));
    return keyword === undefined || !keywords.has(keyword);
  });
  const last = chunks[chunks.length - 1] ?? ihdr;

  const parts: Uint8Array[] = [png.subarray(0, ihdr.end), ...newChunks];
  for (const chunk of kept) parts.push(png.subarray(chunk.start, chunk.end));
  // Anything after IEND is not ours to judge; keep it as it was.
  parts.push(png.subarray(last.end));
  return concat(parts);
}

/**
 * The text entries of a PNG: every tEXt (Latin-1) and uncompressed iTXt (UTF-8) chunk, keyword →
 * text. When a keyword appears twice the later chunk wins. Compressed text (zTXt, compressed iTXt)
 * is skipped: inflating needs zlib, which this browser-safe module does not carry synchronously.
 * Malformed text chunks are skipped rather than failing the whole read.
 *
 * @throws Error if `png` is not a PNG or its chunk structure is truncated
 */
export function readPngText(png: Uint8Array): Record<string, string> {
  const found = new Map<string, string>();
  for (const chunk of readChunks(png)) {
    const data = png.subarray(chunk.dataStart, chunk.dataEnd);
    const entry =
      chunk.type === 'tEXt' ? decodeTExt(data) : chunk.type === 'iTXt' ? decodeITxt(data) : undefined;
    if (entry !== undefined) found.set(entry[0], entry[1]);
  }
  // fromEntries defines own properties, so a keyword like "__proto__" cannot touch the prototype.
  return Object.fromEntries(found);
}

/** Splits a PNG into chunk spans, up to and including IEND. Checks structure, not CRCs. */
function readChunks(png: Uint8Array): ChunkSpan[] {
  if (png.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((byte, i) => png[i] !== byte)) {
    throw new Error('Not a PNG file: the first 8 bytes are not the PNG signature');
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: ChunkSpan[] = [];
  let offset = PNG_SIGNATURE.length;
  while (offset < png.length) {
    if (offset + 8 > png.length) throw new Error(`Truncated PNG: incomplete chunk header at byte ${offset}`);
    const length = view.getUint32(offset);
    const type = latin1(png.subarray(offset + 4, offset + 8));
    if (length > MAX_CHUNK_LENGTH || offset + 12 + length > png.length) {
      throw new Error(`Truncated PNG: chunk ${JSON.stringify(type)} at byte ${offset} runs past the end`);
    }
    const span: ChunkSpan = {
      type,
      start: offset,
      dataStart: offset + 8,
      dataEnd: offset + 8 + length,
      end: offset + 12 + length,
    };
    if (chunks.length === 0 && type !== 'IHDR') {
      throw new Error(`Not a valid PNG: the first chunk is ${JSON.stringify(type)}, not IHDR`);
    }
    chunks.push(span);
    offset = span.end;
    if (type === 'IEND') return chunks;
  }
  throw new Error('Truncated PNG: no IEND chunk');
}

/** Throws unless `keyword` is a legal PNG text keyword (PNG spec, section 11.3.3.2). */
function assertValidKeyword(keyword: string): void {
  const problem =
    keyword.length === 0 || keyword.length > 79
      ? 'must be 1 to 79 characters long'
      : !LATIN1_PRINTABLE.test(keyword)
        ? 'may hold only printable Latin-1 characters'
        : keyword.startsWith(' ') || keyword.endsWith(' ') || keyword.includes('  ')
          ? 'may not start or end with a space or hold two spaces in a row'
          : undefined;
  if (problem !== undefined) throw new Error(`PNG text keyword ${JSON.stringify(keyword)} ${problem}`);
}

/** iTXt data: keyword, NUL, compression flag 0, method 0, empty language, NUL, empty translated keyword, NUL, UTF-8 text. */
function encodeITxtData(keyword: string, text: string): Uint8Array {
  const keywordBytes = Uint8Array.from(keyword, (ch) => ch.charCodeAt(0));
  const textBytes = new TextEncoder().encode(text);
  return concat([keywordBytes, Uint8Array.of(0, 0, 0, 0, 0), textBytes]);
}

function decodeTExt(data: Uint8Array): [string, string] | undefined {
  const nul = data.indexOf(0);
  if (nul < 1) return undefined;
  return [latin1(data.subarray(0, nul)), latin1(data.subarray(nul + 1))];
}

function decodeITxt(data: Uint8Array): [string, string] | undefined {
  const keywordEnd = data.indexOf(0);
  if (keywordEnd < 1 || keywordEnd + 3 > data.length) return undefined;
  const compressed = data[keywordEnd + 1] !== 0;
  if (compressed) return undefined;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  if (languageEnd < 0) return undefined;
  const translatedEnd = data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) return undefined;
  const text = new TextDecoder('utf-8').decode(data.subarray(translatedEnd + 1));
  return [latin1(data.subarray(0, keywordEnd)), text];
}

/** The keyword of a tEXt, zTXt or iTXt chunk: its data up to the first NUL. */
function readKeyword(data: Uint8Array): string | undefined {
  const nul = data.indexOf(0);
  return nul < 1 ? undefined : latin1(data.subarray(0, nul));
}

/** A whole chunk: length, type, data, CRC-32 of type + data. */
function encodeChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)) >>> 0);
  return chunk;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
