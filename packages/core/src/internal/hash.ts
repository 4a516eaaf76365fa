/**
 * Small hashes that run the same in Node and in a browser.
 */

/**
 * 32-bit FNV-1a over the UTF-8 bytes of a string. Not cryptographic: it seeds colours and short
 * names, where the only requirement is that equal input gives equal output everywhere.
 */
export function fnv1a32(text: string): number {
  const bytes = new TextEncoder().encode(text);
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** SHA-256 of some bytes as lower-case hex, through Web Crypto (global in Node 20 and browsers). */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  // Web Crypto refuses views of a SharedArrayBuffer; copy only in that rare case.
  const view = bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', view);
  return toHex(new Uint8Array(digest));
}

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
