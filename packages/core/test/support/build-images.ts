import { deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';

/** A tiny valid PNG of the given size (a flat colour), built with Node's zlib. */
export function makePng(width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  const idat = deflateSync(raw);
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A real baseline JPEG of the given size. */
export function makeJpeg(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4).fill(200);
  return new Uint8Array(jpeg.encode({ data, width, height }, 80).data);
}

/** The first bytes of a WebP file in each of its three encodings, enough for a header reader. */
export function makeWebpHeader(kind: 'VP8 ' | 'VP8L' | 'VP8X', width: number, height: number): Uint8Array {
  const b = new Uint8Array(40);
  const ascii = (s: string, at: number) => [...s].forEach((c, i) => (b[at + i] = c.charCodeAt(0)));
  ascii('RIFF', 0);
  ascii('WEBP', 8);
  ascii(kind, 12);
  const v = new DataView(b.buffer);
  if (kind === 'VP8 ') {
    b.set([0x9d, 0x01, 0x2a], 23);
    v.setUint16(26, width, true);
    v.setUint16(28, height, true);
  } else if (kind === 'VP8L') {
    b[20] = 0x2f;
    v.setUint32(21, ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14), true);
  } else {
    v.setUint16(24, (width - 1) & 0xffff, true);
    b[26] = ((width - 1) >> 16) & 0xff;
    v.setUint16(27, (height - 1) & 0xffff, true);
    b[29] = ((height - 1) >> 16) & 0xff;
  }
  return b;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
