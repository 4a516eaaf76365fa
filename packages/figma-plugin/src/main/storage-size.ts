/**
 * How much of clientStorage's 5 MB a value takes, the way Figma documents its estimate: the size of
 * the value as JSON, except that a Uint8Array counts as its length in bytes.
 */
export function storageSize(value: unknown): number {
  if (value instanceof Uint8Array) return value.byteLength;
  if (typeof value === 'string') return utf8Length(value) + 2;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
  if (value === null || value === undefined) return 4;
  if (Array.isArray(value)) return 2 + value.reduce((sum: number, item: unknown) => sum + storageSize(item) + 1, 0);
  if (typeof value === 'object') {
    return 2 + Object.entries(value).reduce((sum, [key, item]) => sum + utf8Length(key) + 4 + storageSize(item), 0);
  }
  return 0;
}

/** UTF-8 byte count of a string (the sandbox has no TextEncoder to ask). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
