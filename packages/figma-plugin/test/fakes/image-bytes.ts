import { sniffImage } from '@gpt-image/core/contract';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Real image bytes for the fakes and the tests, built with node:zlib: a PNG that any decoder
 * reads, and minimal JPEG, GIF and WebP headers (enough for anything that reads sizes from
 * headers, as Figma's `createImage` and core's `sniffImage` do).
 */

/** A solid-colour RGB PNG of the given size. */
export function pngBytes(width: number, height: number, rgb: readonly [number, number, number] = [90, 140, 200]): Uint8Array {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, RGB, deflate, no filter method, no interlace
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0, 0);
  return Buffer.concat([length, body, crc]);
}

/** SOI, an APP0 marker, a baseline SOF0 frame header with the size, EOI. */
export function jpegBytes(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}

/** A `GIF89a` logical screen descriptor with the size. */
export function gifBytes(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(13);
  bytes.write('GIF89a', 0, 'latin1');
  bytes.writeUInt16LE(width, 6);
  bytes.writeUInt16LE(height, 8);
  return new Uint8Array(bytes);
}

/** A WebP (VP8X extended header) of the given size. */
export function webpBytes(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(30);
  bytes.write('RIFF', 0, 'latin1');
  bytes.writeUInt32LE(22, 4);
  bytes.write('WEBPVP8X', 8, 'latin1');
  bytes.writeUInt32LE(10, 16);
  bytes.writeUIntLE(width - 1, 24, 3);
  bytes.writeUIntLE(height - 1, 27, 3);
  return new Uint8Array(bytes);
}

/** What an image's header says: its format and size, or null for anything else. */
export function readImageHeader(bytes: Uint8Array): { readonly format: 'PNG' | 'JPEG' | 'GIF' | 'WEBP'; readonly width: number; readonly height: number } | null {
  const info = sniffImage(bytes);
  if (info) {
    const format = info.mediaType === 'image/png' ? 'PNG' : info.mediaType === 'image/jpeg' ? 'JPEG' : 'WEBP';
    return { format, width: info.width, height: info.height };
  }
  const text = Buffer.from(bytes.subarray(0, 6)).toString('latin1');
  if ((text === 'GIF87a' || text === 'GIF89a') && bytes.length >= 10) {
    const view = Buffer.from(bytes);
    return { format: 'GIF', width: view.readUInt16LE(6), height: view.readUInt16LE(8) };
  }
  return null;
}
