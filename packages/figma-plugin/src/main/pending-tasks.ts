import type { PendingTask } from '../protocol/shapes';
import { pendingTask } from '../protocol/shapes';
import { createSerialQueue } from './serial-queue';

/** The clientStorage key of the tasks accepted by a provider whose result has not landed yet. */
export const PENDING_TASKS_KEY = 'pending-tasks';

/**
 * Tasks the provider accepted (and is charging for) whose image is not on the canvas yet, kept in
 * clientStorage so a closed plugin, a crash or a restart of Figma loses none of them. The same
 * record is also written on the placeholder (see `task-accepted`), which travels with the file.
 */
export interface PendingStore {
  list(): Promise<readonly PendingTask[]>;
  /** Adds a task, or replaces the one with the same record id. */
  save(task: PendingTask): Promise<void>;
  /** Forgets the tasks with this record id or this placeholder. */
  forget(match: { readonly taskId?: string | null; readonly placeholderId?: string | null }): Promise<void>;
}

/** The pending tasks over `figma.clientStorage`; damaged entries are skipped, writes go one at a time. */
export function createPendingStore(storage: ClientStorageAPI): PendingStore {
  const serial = createSerialQueue();
  const read = async (): Promise<PendingTask[]> => {
    const stored: unknown = await storage.getAsync(PENDING_TASKS_KEY);
    if (!Array.isArray(stored)) return [];
    // Entry by entry: one damaged entry must not cost the others.
    return stored.flatMap((entry: unknown, i) => {
      try {
        return [pendingTask(entry, `${PENDING_TASKS_KEY}[${i}]`)];
      } catch {
        return [];
      }
    });
  };
  const write = async (tasks: readonly PendingTask[]): Promise<void> => {
    if (tasks.length === 0) await storage.deleteAsync(PENDING_TASKS_KEY);
    else await storage.setAsync(PENDING_TASKS_KEY, tasks);
  };
  return {
    list: () => serial(read),
    save: (task) => serial(async () => write([...(await read()).filter((t) => t.record.id !== task.record.id), task])),
    forget: (match) =>
      serial(async () => {
        const tasks = await read();
        const kept = tasks.filter((t) => !(
          (match.taskId != null && t.record.id === match.taskId) ||
          (match.placeholderId != null && t.placeholderId === match.placeholderId)
        ));
        if (kept.length !== tasks.length) await write(kept);
      }),
  };
}
