/**
 * `figma.clientStorage` (https://developers.figma.com/docs/plugins/api/figma-clientStorage):
 * asynchronous, per plugin and user, stores objects, arrays, strings, numbers, booleans, null,
 * undefined and Uint8Array, and gives each plugin 5 MB in total, estimated as the key's size plus
 * the value's size as JSON — a Uint8Array counting as its length. Values are copied in and out, as
 * Figma serialises them. Share one instance between two fake sessions to model a restart.
 */
export class FakeClientStorage implements ClientStorageAPI {
  /** Figma's documented quota. */
  static readonly QUOTA_BYTES = 5 * 1024 * 1024;
  private readonly values = new Map<string, unknown>();

  constructor(private readonly quotaBytes = FakeClientStorage.QUOTA_BYTES) {}

  async getAsync(key: string): Promise<unknown> {
    return this.values.has(key) ? structuredClone(this.values.get(key)) : undefined;
  }

  async setAsync(key: string, value: unknown): Promise<void> {
    assertStorable(value, key);
    const others = this.usedBytes() - (this.values.has(key) ? entrySize(key, this.values.get(key)) : 0);
    const needed = others + entrySize(key, value);
    if (needed > this.quotaBytes) {
      throw new Error(`clientStorage quota exceeded: storing "${key}" would use ${needed} of ${this.quotaBytes} bytes`);
    }
    this.values.set(key, structuredClone(value));
  }

  async deleteAsync(key: string): Promise<void> {
    this.values.delete(key);
  }

  async keysAsync(): Promise<string[]> {
    return [...this.values.keys()];
  }

  /** Bytes used, by Figma's estimate. */
  usedBytes(): number {
    let total = 0;
    for (const [key, value] of this.values) total += entrySize(key, value);
    return total;
  }
}

function entrySize(key: string, value: unknown): number {
  return Buffer.byteLength(key) + valueSize(value);
}

function valueSize(value: unknown): number {
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 2 + value.reduce((sum: number, item: unknown) => sum + valueSize(item) + 1, 0);
  if (value !== null && typeof value === 'object') {
    return 2 + Object.entries(value).reduce((sum, [key, item]) => sum + Buffer.byteLength(JSON.stringify(key)) + 1 + valueSize(item) + 1, 0);
  }
  return Buffer.byteLength(JSON.stringify(value) ?? 'null');
}

function assertStorable(value: unknown, path: string): void {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean' || value instanceof Uint8Array) return;
  if (typeof value === 'number') return;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => assertStorable(item, `${path}[${i}]`));
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) assertStorable(item, `${path}.${key}`);
    return;
  }
  throw new Error(`clientStorage cannot store ${path}: only objects, arrays, strings, numbers, booleans, null, undefined and Uint8Array`);
}
