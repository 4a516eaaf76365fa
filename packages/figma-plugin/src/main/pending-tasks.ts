import { object, string, type Checked } from '../protocol/checks';
import type { PendingTask } from '../protocol/shapes';
import { nodeId, pendingTask } from '../protocol/shapes';
import { createSerialQueue } from './serial-queue';
import { storedList } from './stored-list';

/** The clientStorage key of the tasks accepted by a provider whose result has not landed yet. */
export const PENDING_TASKS_KEY = 'pending-tasks';

/** The clientStorage key of the placeholders put down for runs the provider has not accepted yet. */
export const STARTED_RUNS_KEY = 'started-generations';

const startedRun = object({
  placeholderId: nodeId,
  /** The placeholder's own `startedAt`: with the id, it tells this file's placeholder from another file's node of the same id. */
  startedAt: string({ min: 1, max: 64 }),
});

/** A placeholder on the canvas whose run has not reached the provider's acceptance yet. */
export type StartedRun = Checked<typeof startedRun>;

/**
 * Tasks the provider accepted (and is charging for) whose image is not on the canvas yet, kept in
 * clientStorage so a closed plugin, a crash or a restart of Figma loses none of them. The same
 * record is also written on the placeholder (see `task-accepted`), which travels with the file.
 * clientStorage is this user's alone: only this user's tasks are ever resumed, with this user's key.
 *
 * It also notes each placeholder from the moment it is put down until its task is accepted (or it
 * is filled, cancelled or failed): a placeholder whose run never got that far, because the plugin
 * closed, would otherwise say "generating…" forever.
 */
export interface PendingStore {
  list(): Promise<readonly PendingTask[]>;
  /** Adds a task, or replaces the one with the same record id. */
  save(task: PendingTask): Promise<void>;
  /** Forgets the tasks with this record id or this placeholder, and this session's started run of the placeholder. */
  forget(match: { readonly taskId?: string | null; readonly placeholderId?: string | null }): Promise<void>;
  /** Notes a placeholder just put down by this session. */
  start(run: StartedRun): Promise<void>;
  /** Drops this session's started run of a placeholder: its task was accepted (and is a pending task now). */
  accepted(placeholderId: string): Promise<void>;
  /**
   * The started runs of earlier sessions. This session's own are left out: their runs may still be
   * going, and only a closed plugin cuts a run short.
   */
  startedEarlier(): Promise<readonly StartedRun[]>;
  /** Drops these started runs (settled at start). */
  dropStarted(runs: readonly StartedRun[]): Promise<void>;
}

/** The pending tasks over `figma.clientStorage`; damaged entries are skipped, writes go one at a time. */
export function createPendingStore(storage: ClientStorageAPI): PendingStore {
  const serial = createSerialQueue();
  // Node ids repeat across files: a run is its placeholder's id and start time together.
  const startedHere = new Map<string, string>();
  const isHere = (run: StartedRun): boolean => startedHere.get(run.placeholderId) === run.startedAt;
  const tasks = storedList(storage, PENDING_TASKS_KEY, pendingTask);
  const runs = storedList(storage, STARTED_RUNS_KEY, startedRun);
  const withoutRuns = async (drop: (run: StartedRun) => boolean): Promise<void> => {
    const all = await runs.read();
    const kept = all.filter((run) => !drop(run));
    if (kept.length !== all.length) await runs.write(kept);
  };
  const withoutRunHere = (placeholderId: string): Promise<void> =>
    withoutRuns((run) => run.placeholderId === placeholderId && isHere(run));
  return {
    list: () => serial(tasks.read),
    save: (task) => serial(async () => tasks.write([...(await tasks.read()).filter((t) => t.record.id !== task.record.id), task])),
    forget: (match) =>
      serial(async () => {
        const all = await tasks.read();
        const kept = all.filter((t) => !(
          (match.taskId != null && t.record.id === match.taskId) ||
          (match.placeholderId != null && t.placeholderId === match.placeholderId)
        ));
        if (kept.length !== all.length) await tasks.write(kept);
        if (match.placeholderId != null) await withoutRunHere(match.placeholderId);
      }),
    start: (run) =>
      serial(async () => {
        startedHere.set(run.placeholderId, run.startedAt);
        await runs.write([...(await runs.read()).filter((r) => !(r.placeholderId === run.placeholderId && r.startedAt === run.startedAt)), run]);
      }),
    accepted: (placeholderId) => serial(() => withoutRunHere(placeholderId)),
    startedEarlier: () => serial(async () => (await runs.read()).filter((run) => !isHere(run))),
    dropStarted: (dropped) =>
      serial(() => withoutRuns((run) => dropped.some((d) => d.placeholderId === run.placeholderId && d.startedAt === run.startedAt))),
  };
}
