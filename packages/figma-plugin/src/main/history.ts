import { bytes, nullable, number, object, string, type Checked } from '../protocol/checks';
import type { HistoryEntry } from '../protocol/shapes';
import { provenance } from '../protocol/shapes';
import { createSerialQueue } from './serial-queue';
import { storageSize } from './storage-size';
import { storedList } from './stored-list';

/** The clientStorage key of the history. */
export const HISTORY_KEY = 'history';

/**
 * What the history may take of clientStorage's 5 MB: with API keys and pending tasks (a few kB)
 * the plugin stays under about 4 MB. Oldest entries are dropped to stay within it.
 */
export const HISTORY_BUDGET_BYTES = 3_800_000;

/** At most this many entries, however small. */
export const MAX_HISTORY_ENTRIES = 200;

const storedEntry = object({
  id: string({ min: 1, max: 128 }),
  /** The image in the file's image store; "place again" works while `figma.getImageByHash` finds it. */
  imageHash: string({ min: 1, max: 256 }),
  width: number({ min: 1, max: 100_000, integer: true }),
  height: number({ min: 1, max: 100_000, integer: true }),
  /** A PNG at most 96 px a side: the history keeps metadata and this, never the image itself. */
  thumbnail: nullable(bytes({ min: 1, max: 200_000 })),
  provenance,
});

/** One stored history entry. */
export type StoredHistoryEntry = Checked<typeof storedEntry>;

/** Past results of this user, newest first, in clientStorage. */
export interface HistoryStore {
  list(): Promise<readonly StoredHistoryEntry[]>;
  /** Adds an entry at the front, dropping the oldest entries beyond the budget. */
  add(entry: StoredHistoryEntry): Promise<void>;
}

/** The history over `figma.clientStorage`; reads and writes go one at a time. */
export function createHistoryStore(storage: ClientStorageAPI): HistoryStore {
  const serial = createSerialQueue();
  const { read } = storedList(storage, HISTORY_KEY, storedEntry);
  return {
    list: () => serial(read),
    add: (entry) =>
      serial(async () => {
        const entries = [entry, ...(await read()).filter((e) => e.id !== entry.id)];
        while (entries.length > MAX_HISTORY_ENTRIES || (entries.length > 1 && storageSize(entries) + HISTORY_KEY.length > HISTORY_BUDGET_BYTES)) {
          entries.pop();
        }
        await storage.setAsync(HISTORY_KEY, entries);
      }),
  };
}

/** A stored entry as the UI lists it. */
export function historyListing(entry: StoredHistoryEntry, available: boolean): HistoryEntry {
  const { prompt, provider, model, createdAt } = entry.provenance;
  return { id: entry.id, prompt, provider, model, createdAt, width: entry.width, height: entry.height, thumbnail: entry.thumbnail, available };
}
