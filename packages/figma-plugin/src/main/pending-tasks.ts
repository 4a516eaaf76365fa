import { nullable, object, string, type Checked } from '../protocol/checks';
import type { PendingTask } from '../protocol/shapes';
import { nodeId, pendingTask } from '../protocol/shapes';
import { parseTaskRecord } from '../protocol/task-record-check';
import type { FileIdentity } from './file-identity';
import { createSerialQueue } from './serial-queue';
import { sessionId, type Session } from './session-claims';
import { readableAs, storedList } from './stored-list';

/** The clientStorage key of the tasks accepted by a provider whose result has not landed yet. */
export const PENDING_TASKS_KEY = 'pending-tasks';

/** The clientStorage key of the placeholders put down for runs the provider has not accepted yet. */
export const STARTED_RUNS_KEY = 'started-generations';

/**
 * How long after saving a task it is checked that no other window's write of the list undid it
 * (see `storedList`): a task dropped there is a paid result never collected. Longer than a
 * read-modify-write of clientStorage takes, short beside the seconds a provider takes.
 */
export const SAVE_SETTLE_MS = 50;

/** Where an entry belongs and who works on it; entries of earlier versions have none of it. */
const whereAndWho = {
  /** The file it was started in (see `file-identity.ts`); null in entries of earlier versions. */
  fileId: nullable(string({ min: 1, max: 128 })),
  /** That file's name when the entry was written, to tell the user where a result waits. */
  fileName: string({ max: 1_000 }),
  /** The session working on it (see `session-claims.ts`); null when none ever claimed it. */
  claimedBy: nullable(sessionId),
};
const noneYet = { fileId: null, fileName: '', claimedBy: null } as const;

const storedTask = object({ placeholderId: nullable(nodeId), record: parseTaskRecord, ...whereAndWho });

/** A pending task as stored: the task, its file and its claim. */
export type StoredTask = Checked<typeof storedTask>;

const runFields = {
  placeholderId: nodeId,
  /** The placeholder's own `startedAt`: with the id, it tells the placeholder from another file's node of the same id. */
  startedAt: string({ min: 1, max: 64 }),
};
const startedRun = object(runFields);
const startedNote = object({ ...runFields, ...whereAndWho });

/** A placeholder on the canvas whose run has not reached the provider's acceptance yet. */
export type StartedRun = Checked<typeof startedRun>;

/** A started run as stored: the run, its file and its claim. */
export type StartedNote = Checked<typeof startedNote>;

/**
 * Tasks the provider accepted (and is charging for) whose image is not on the canvas yet, kept in
 * clientStorage so a closed plugin, a crash or a restart of Figma loses none of them. The same
 * record is also written on the placeholder (see `task-accepted`), which travels with the file.
 * clientStorage is this user's alone (shared by all files and open plugin windows of this user):
 * only this user's tasks are ever resumed, with this user's key.
 *
 * It also notes each placeholder from the moment it is put down until its task is accepted (or it
 * is filled, cancelled or failed): a placeholder whose run never got that far, because the plugin
 * closed, would otherwise say "generating…" forever.
 *
 * Every entry written here names this session's file and is claimed by this session.
 */
export interface PendingStore {
  /** The file this session works in. */
  readonly file: FileIdentity;
  /** This session (its claims). */
  readonly session: Session;
  /** Every stored task, of every file. */
  tasks(): Promise<readonly StoredTask[]>;
  /** Adds a task accepted in this session, or replaces the one with the same record id. */
  save(task: PendingTask): Promise<void>;
  /** Forgets the tasks with this record id, and this file's task and started run of this placeholder. */
  forget(match: { readonly taskId?: string | null; readonly placeholderId?: string | null }): Promise<void>;
  /**
   * Claims these tasks for this session, each only if it is unclaimed, already this session's, or
   * claimed by one of the `gone` sessions (asked just before). Returns the ids this session holds
   * once written: another window may have claimed one meanwhile.
   */
  claim(taskIds: readonly string[], gone: ReadonlySet<string>): Promise<ReadonlySet<string>>;
  /** Notes a placeholder just put down by this session. */
  start(run: StartedRun): Promise<void>;
  /** Drops this file's started run of a placeholder: its task was accepted (and is a pending task now). */
  accepted(placeholderId: string): Promise<void>;
  /** Every started run noted, of every file and session. */
  notes(): Promise<readonly StartedNote[]>;
  /** Drops these started runs (settled at start). */
  dropNotes(notes: readonly StartedNote[]): Promise<void>;
}

/** The pending tasks over `figma.clientStorage`; damaged entries are skipped, this session's writes go one at a time. */
export function createPendingStore(storage: ClientStorageAPI, here: { readonly file: FileIdentity; readonly session: Session }): PendingStore {
  const { file, session } = here;
  const serial = createSerialQueue();
  const tasks = storedList(storage, PENDING_TASKS_KEY, readableAs(storedTask, pendingTask, (task) => ({ ...task, ...noneYet })));
  const notes = storedList(storage, STARTED_RUNS_KEY, readableAs(startedNote, startedRun, (run) => ({ ...run, ...noneYet })));
  const ours = (): { readonly fileId: string; readonly fileName: string; readonly claimedBy: string } =>
    ({ fileId: file.id, fileName: file.name(), claimedBy: session.id });
  // Node ids repeat across files: a placeholder id means this file's only with this file's id.
  const isThisFiles = (placeholderId: string) => (entry: { readonly placeholderId: string | null; readonly fileId: string | null }): boolean =>
    entry.placeholderId === placeholderId && entry.fileId === file.id;
  const dropNotesOf = async (placeholderId: string): Promise<void> => {
    await notes.update((all) => all.filter((note) => !isThisFiles(placeholderId)(note)));
  };
  return {
    file,
    session,
    tasks: () => serial(tasks.read),
    save: (task) =>
      serial(async () => {
        const entry = { ...task, ...ours() };
        await session.claiming();
        await tasks.update((all) => [...all.filter((t) => t.record.id !== task.record.id), entry], SAVE_SETTLE_MS);
      }),
    forget: (match) =>
      serial(async () => {
        const { taskId, placeholderId } = match;
        await tasks.update((all) => all.filter((t) => !((taskId != null && t.record.id === taskId) || (placeholderId != null && isThisFiles(placeholderId)(t)))));
        if (placeholderId != null) await dropNotesOf(placeholderId);
      }),
    claim: (taskIds, gone) =>
      serial(async () => {
        const wanted = new Set(taskIds);
        if (wanted.size === 0) return wanted;
        await session.claiming();
        const claimable = (t: StoredTask): boolean => t.claimedBy === null || t.claimedBy === session.id || gone.has(t.claimedBy);
        const after = await tasks.update((all) => all.map((t) => (wanted.has(t.record.id) && claimable(t) ? { ...t, claimedBy: session.id } : t)));
        return new Set(after.flatMap((t) => (wanted.has(t.record.id) && t.claimedBy === session.id ? [t.record.id] : [])));
      }),
    start: (run) =>
      serial(async () => {
        await session.claiming();
        await notes.update((all) => [...all.filter((n) => !isThisFiles(run.placeholderId)(n)), { ...run, ...ours() }]);
      }),
    accepted: (placeholderId) => serial(() => dropNotesOf(placeholderId)),
    notes: () => serial(notes.read),
    dropNotes: (dropped) =>
      serial(async () => {
        const isDropped = (n: StartedNote): boolean => dropped.some((d) => d.placeholderId === n.placeholderId && d.startedAt === n.startedAt && d.fileId === n.fileId);
        await notes.update((all) => all.filter((n) => !isDropped(n)));
      }),
  };
}
