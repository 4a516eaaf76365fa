/**
 * A strict little PNG reader for tests. It relies only on Node's zlib (inflate and CRC-32), never
 * on the encoder under test, so it can catch the encoder's mistakes.
 */
import { crc32, inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** 3 for colour type 2 (RGB), 4 for colour type 6 (RGBA). */
  channels: 3 | 4;
  /** Packed pixels after undoing the row filters. */
  pixels: Uint8Array;
  chunkTypes: string[];
  /** Filter type byte of each row, as found in the file. */
  filters: number[];
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk alone (the first thing after the signature). */
export function pngHeaderSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG signature');
  if (ascii(bytes, 12, 4) !== 'IHDR') throw new Error('first chunk is not IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Parses every chunk (checking each CRC), inflates IDAT and undoes the row filters. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG signature');
  let at = 8;
  const chunkTypes: string[] = [];
  const idat: Uint8Array[] = [];
  let width = 0;
  let height = 0;
  let channels: 3 | 4 = 3;
  while (at < bytes.length) {
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    const data = bytes.subarray(at + 8, at + 8 + length);
    const stored = view.getUint32(at + 8 + length);
    const computed = crc32(bytes.subarray(at + 4, at + 8 + length));
    if (stored !== computed) throw new Error(`bad CRC in ${type}: stored ${stored}, computed ${computed}`);
    chunkTypes.push(type);
    if (type === 'IHDR') {
      const ihdr = new DataView(data.buffer, data.byteOffset, data.byteLength);
      width = ihdr.getUint32(0);
      height = ihdr.getUint32(4);
      if (data[8] !== 8) throw new Error(`bit depth ${data[8]}`);
      if (data[9] === 2) channels = 3;
      else if (data[9] === 6) channels = 4;
      else throw new Error(`colour type ${data[9]}`);
      if (data[10] !== 0 || data[11] !== 0 || data[12] !== 0) throw new Error('unexpected compression/filter/interlace');
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
    if (type === 'IEND') break;
  }
  if (at !== bytes.length) throw new Error('bytes after IEND');
  const raw = new Uint8Array(inflateSync(Buffer.concat(idat)));
  const rowBytes = width * channels;
  if (raw.length !== height * (rowBytes + 1)) throw new Error(`inflated ${raw.length} bytes, expected ${height * (rowBytes + 1)}`);
  const pixels = new Uint8Array(height * rowBytes);
  const filters: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)]!;
    filters.push(filter);
    const src = raw.subarray(y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
    const out = pixels.subarray(y * rowBytes, (y + 1) * rowBytes);
    const prev = y > 0 ? pixels.subarray((y - 1) * rowBytes, y * rowBytes) : undefined;
    for (let i = 0; i < rowBytes; i++) {
      const a = i >= channels ? out[i - channels]! : 0;
      const b = prev ? prev[i]! : 0;
      const c = prev && i >= channels ? prev[i - channels]! : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) >> 1; break;
        case 4: predictor = paeth(a, b, c); break;
        default: throw new Error(`filter type ${filter} on row ${y}`);
      }
      out[i] = (src[i]! + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels, chunkTypes, filters };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}
