import type { Check } from '../protocol/checks';

/** One list under one clientStorage key. */
export interface StoredList<T> {
  read(): Promise<T[]>;
  write(items: readonly T[]): Promise<void>;
  /**
   * Applies `change` to the list as stored right now and writes the outcome (nothing when it
   * changes nothing); then, `settleMs` later, reads once more and applies it again if another
   * session's write undid it. Returns the list as last read or written. `change` must be pure and
   * give the same outcome when applied twice: it may run on several readings.
   */
  update(change: (items: readonly T[]) => readonly T[], settleMs?: number): Promise<readonly T[]>;
}

/**
 * One list under one clientStorage key, read entry by entry: one damaged entry must not cost the
 * others.
 *
 * Several plugin windows of one user share the key, and clientStorage has no lock or
 * compare-and-set. So a change is never a list read long ago written back: `update` reads right
 * before writing, and checks afterwards. Two sessions that read the list before either wrote it
 * still write one over the other; the check catches that when the other write lands within
 * `settleMs` of ours. What remains possible: the other write landing later than that (a
 * read-modify-write slower than `settleMs`), and the change lost without anyone noticing.
 */
export function storedList<T>(storage: ClientStorageAPI, key: string, check: Check<T>): StoredList<T> {
  const read = async (): Promise<T[]> => {
    const stored: unknown = await storage.getAsync(key);
    if (!Array.isArray(stored)) return [];
    return stored.flatMap((entry: unknown, i) => {
      try {
        return [check(entry, `${key}[${i}]`)];
      } catch {
        return [];
      }
    });
  };
  const write = async (items: readonly T[]): Promise<void> => {
    if (items.length === 0) await storage.deleteAsync(key);
    else await storage.setAsync(key, items);
  };
  const applied = async (change: (items: readonly T[]) => readonly T[]): Promise<{ readonly items: readonly T[]; readonly wrote: boolean }> => {
    const before = await read();
    const after = change(before);
    if (sameJson(before, after)) return { items: before, wrote: false };
    await write(after);
    return { items: after, wrote: true };
  };
  return {
    read,
    write,
    update: async (change, settleMs = 0) => {
      const first = await applied(change);
      if (!first.wrote) return first.items;
      if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
      return (await applied(change)).items;
    },
  };
}

/** The entries are plain JSON (clientStorage stores them so), so their JSON tells them apart. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A check for stored entries whose shape grew: entries in today's shape pass `current`; those an
 * earlier version wrote pass `earlier` and are brought up to date by `upgrade`.
 */
export function readableAs<T, E>(current: Check<T>, earlier: Check<E>, upgrade: (entry: E) => T): Check<T> {
  return (value, path) => {
    try {
      return current(value, path);
    } catch (error) {
      try {
        return upgrade(earlier(value, path));
      } catch {
        throw error;
      }
    }
  };
}
