/**
 * CRC-32 (ISO-HDLC, polynomial 0xEDB88320), the checksum PNG puts after every chunk.
 */

/** One entry per byte value, built once on first use so importing the module costs nothing. */
let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table) return table;
  const built = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    built[n] = c >>> 0;
  }
  table = built;
  return built;
}

/**
 * CRC-32 of `data`, continuing from `previous` (the CRC of the bytes before it), so a checksum
 * over several pieces never needs them concatenated: `crc32(b, crc32(a)) === crc32(a + b)`.
 * Returns an unsigned 32-bit integer.
 */
export function crc32(data: Uint8Array, previous = 0): number {
  const t = crcTable();
  let c = ~previous;
  for (let i = 0; i < data.length; i++) {
    // `& 0xff` keeps the index in 0..255, so the lookup is always defined.
    c = (t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8));
  }
  return ~c >>> 0;
}
