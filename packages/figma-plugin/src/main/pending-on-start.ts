import type { PendingTask } from '../protocol/shapes';
import type { FigmaApi } from './figma-api';
import type { PendingStore, StartedRun } from './pending-tasks';
import { findPlaceholder } from './placeholder-data';
import { asOneUndoStep } from './undo';

/**
 * The tasks to resume when the plugin starts: this user's, from clientStorage (which is per user
 * and per plugin), from any file. The record written on a placeholder travels with the file and
 * is readable by everyone who opens it, but it is no reason to resume: a collaborator's task is
 * theirs to collect, with their key, and may still be running in their open plugin. A task keeps
 * its placeholder only while it still carries our mark for the same task. Tasks whose result is
 * already in the history are left out: their placeholder came back by an undo, and resuming them
 * would place the same image twice.
 */
export async function findPendingTasks(
  figma: Pick<FigmaApi, 'getNodeByIdAsync'>,
  store: PendingStore,
  finishedTaskIds: ReadonlySet<string>,
): Promise<PendingTask[]> {
  const tasks: PendingTask[] = [];
  for (const task of await store.list()) {
    if (finishedTaskIds.has(task.record.id)) continue;
    const placeholder = task.placeholderId ? await findPlaceholder((id) => figma.getNodeByIdAsync(id), task.placeholderId) : null;
    const stillWaiting = placeholder !== null && placeholder.data.taskId === task.record.id;
    tasks.push({ placeholderId: stillWaiting ? task.placeholderId : null, record: task.record });
  }
  return tasks;
}

/** How long a started run whose placeholder is not in this file is kept: it may be running in another file's plugin. */
export const STARTED_RUN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Clears this user's placeholders whose run ended before the provider accepted the task (the
 * plugin closed while it was being sent, or during a request that answers with the image itself):
 * nothing will ever fill them. Those in this file go, in one undo step, and the user is told; a
 * run whose placeholder is not here is left for the file it is in, and dropped after a day.
 * Returns the sentence to show, or null when nothing was removed.
 */
export async function removeInterruptedPlaceholders(
  figma: Pick<FigmaApi, 'getNodeByIdAsync' | 'commitUndo' | 'notify'>,
  store: PendingStore,
  now: Date,
): Promise<string | null> {
  const orphans: FrameNode[] = [];
  const settled: StartedRun[] = [];
  for (const run of await store.startedEarlier()) {
    const placeholder = await findPlaceholder((id) => figma.getNodeByIdAsync(id), run.placeholderId);
    if (placeholder && placeholder.data.startedAt === run.startedAt) {
      settled.push(run);
      // Accepted after all (the note was not dropped in time): a pending task, not an orphan.
      if (placeholder.data.taskId === null) orphans.push(placeholder.frame);
    } else if (!(now.getTime() - Date.parse(run.startedAt) < STARTED_RUN_LIFETIME_MS)) {
      settled.push(run);
    }
  }
  if (orphans.length > 0) asOneUndoStep(figma, () => orphans.forEach((frame) => frame.remove()));
  await store.dropStarted(settled);
  if (orphans.length === 0) return null;
  const notice = orphans.length === 1
    ? 'An earlier generation was interrupted before its result arrived, so its placeholder was removed.'
    : `${orphans.length} earlier generations were interrupted before their results arrived, so their placeholders were removed.`;
  figma.notify(notice);
  return notice;
}

