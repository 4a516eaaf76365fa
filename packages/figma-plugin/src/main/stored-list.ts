import type { Check } from '../protocol/checks';

/** One list under one clientStorage key, read entry by entry: one damaged entry must not cost the others. */
export function storedList<T>(storage: ClientStorageAPI, key: string, check: Check<T>): { read(): Promise<T[]>; write(items: readonly T[]): Promise<void> } {
  return {
    read: async () => {
      const stored: unknown = await storage.getAsync(key);
      if (!Array.isArray(stored)) return [];
      return stored.flatMap((entry: unknown, i) => {
        try {
          return [check(entry, `${key}[${i}]`)];
        } catch {
          return [];
        }
      });
    },
    write: async (items) => {
      if (items.length === 0) await storage.deleteAsync(key);
      else await storage.setAsync(key, items);
    },
  };
}
