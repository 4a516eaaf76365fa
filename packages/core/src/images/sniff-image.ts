/** What the bytes of an image say about themselves. */
export interface ImageInfo {
  readonly mediaType: 'image/png' | 'image/jpeg' | 'image/webp';
  readonly width: number;
  readonly height: number;
}

/** Media types the model accepts as input. */
export const ACCEPTED_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/**
 * Reads the media type and pixel size from an image's own header: PNG (IHDR), JPEG (the first SOF
 * marker) or WebP (VP8, VP8L or VP8X). Returns null for anything else or for a truncated header;
 * file names and declared types are never trusted.
 */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  return sniffPng(bytes) ?? sniffJpeg(bytes) ?? sniffWebp(bytes);
}

/** A short name for what the bytes look like, for error messages ("GIF", "PDF", "unknown"). */
export function describeImageKind(bytes: Uint8Array): string {
  const info = sniffImage(bytes);
  if (info) return info.mediaType.slice('image/'.length).toUpperCase();
  if (ascii(bytes, 0, 4) === 'GIF8') return 'GIF';
  if (ascii(bytes, 0, 4) === '%PDF') return 'PDF';
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'BMP';
  if (ascii(bytes, 4, 8) === 'ftyp') return 'HEIC/AVIF';
  if (ascii(bytes, 0, 5) === '<?xml' || ascii(bytes, 0, 4) === '<svg') return 'SVG';
  return 'unknown';
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function sniffPng(b: Uint8Array): ImageInfo | null {
  if (b.length < 24 || !PNG_SIGNATURE.every((v, i) => b[i] === v) || ascii(b, 12, 16) !== 'IHDR') return null;
  return positive('image/png', u32be(b, 16), u32be(b, 20));
}

function sniffJpeg(b: Uint8Array): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    // Fill bytes and stand-alone markers carry no length.
    if (marker === 0xff) { i += 1; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    const length = u16be(b, i + 2);
    // SOF0..SOF15 hold the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return positive('image/jpeg', u16be(b, i + 7), u16be(b, i + 5));
    }
    if (marker === 0xda || marker === 0xd9 || length < 2) return null;
    i += 2 + length;
  }
  return null;
}

function sniffWebp(b: Uint8Array): ImageInfo | null {
  if (b.length < 30 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 12) !== 'WEBP') return null;
  const chunk = ascii(b, 12, 16);
  if (chunk === 'VP8 ') {
    // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return positive('image/webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return null;
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return positive('image/webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return positive('image/webp', u24le(b, 24) + 1, u24le(b, 27) + 1);
  return null;
}

function positive(mediaType: ImageInfo['mediaType'], width: number, height: number): ImageInfo | null {
  return width > 0 && height > 0 ? { mediaType, width, height } : null;
}

function ascii(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end && i < b.length; i++) s += String.fromCharCode(b[i] ?? 0);
  return s;
}

const u16be = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number): number => (((b[i] ?? 0) << 24) >>> 0) + u16be(b, i + 2) + ((b[i + 1] ?? 0) << 16);
