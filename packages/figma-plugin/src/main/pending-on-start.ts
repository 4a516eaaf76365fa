import type { PendingTask } from '../protocol/shapes';
import type { WaitingInFile } from '../protocol/waiting-elsewhere';
import type { FigmaApi } from './figma-api';
import type { PendingStore, StartedNote, StoredTask } from './pending-tasks';
import { removePlaceholderFrame } from './placeholder';
import { findPlaceholder } from './placeholder-data';
import { asOneUndoStep } from './undo';

/** What `ready` answers about this user's pending tasks. */
export interface PendingOnStart {
  /** This file's tasks to resume, now claimed by this session. */
  readonly tasks: readonly PendingTask[];
  /** Other files with results waiting, to tell the user which file to open. */
  readonly elsewhere: readonly WaitingInFile[];
}

/**
 * The tasks to resume when the plugin starts: this user's, from clientStorage (which is per user
 * and per plugin, shared by all files and open plugin windows), of this file only. A task of
 * another file is collected there, into its placeholder (collected here, it would land in the
 * wrong file and leave its placeholder "generating…" forever); the user is told it waits. A task
 * another open plugin window claims is left to it (two windows would place it twice). A task
 * counts as this file's when it names this file, when its placeholder is here and carries it (the
 * file's id was undone away with the first placeholder), or when an earlier version stored it
 * without a file (as then, it is collected wherever the plugin opens).
 *
 * The record written on a placeholder travels with the file and is readable by everyone who opens
 * it, but it is no reason to resume: a collaborator's task is theirs to collect, with their key.
 * A task keeps its placeholder only while it still carries our mark for the same task. Tasks
 * whose result is already in the history are left out: their placeholder came back by an undo,
 * and resuming them would place the same image twice.
 *
 * The file's id is settled first (see `FileIdentity.adopt`): a file whose id was undone away takes
 * back the one its placeholders name.
 */
export async function findPendingTasks(
  figma: Pick<FigmaApi, 'getNodeByIdAsync'>,
  store: PendingStore,
  finishedTaskIds: ReadonlySet<string>,
  now: Date,
): Promise<PendingOnStart> {
  const all = await store.tasks();
  store.file.adopt(await fileIdsFoundHere(figma, all, await store.notes()));
  const stored = all.filter((task) => !finishedTaskIds.has(task.record.id));
  const { isFree, gone } = await claimsOf(store, stored);
  const here: PendingTask[] = [];
  const elsewhere = new Map<string, { fileName: string; count: number }>();
  for (const task of stored.filter(isFree)) {
    const placeholder = task.placeholderId ? await findPlaceholder((id) => figma.getNodeByIdAsync(id), task.placeholderId) : null;
    const waitsHere = placeholder !== null && placeholder.data.taskId === task.record.id;
    if (waitsHere || task.fileId === null || task.fileId === store.file.id) {
      here.push({ placeholderId: waitsHere ? task.placeholderId : null, record: task.record });
    } else if (!(now.getTime() - Date.parse(task.record.createdAt) >= ELSEWHERE_NOTICE_LIFETIME_MS)) {
      // Announced for 30 days after it was accepted (an unreadable date, for ever).
      const file = elsewhere.get(task.fileId) ?? { fileName: task.fileName, count: 0 };
      elsewhere.set(task.fileId, { fileName: task.fileName, count: file.count + 1 });
    }
  }
  const held = await store.claim(here.map((task) => task.record.id), gone);
  return { tasks: here.filter((task) => held.has(task.record.id)), elsewhere: [...elsewhere.values()] };
}

/**
 * How long a task of another file is announced. Opening that file with the plugin collects it, so
 * one still waiting this long after it was accepted is of a file not opened since (or deleted, or
 * moved out of reach): the notice would only nag. The task stays stored, and is collected should
 * that file be opened after all.
 */
export const ELSEWHERE_NOTICE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** How long a note of this file whose placeholder is not here is kept: an undone placeholder can come back by a redo. */
export const UNMATCHED_NOTE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Clears this user's placeholders in this file whose run ended before the provider accepted the
 * task (the plugin closed while it was being sent, or during a request that answers with the image
 * itself): nothing will ever fill them. Placeholders of runs another open plugin window (or this
 * one) is still working on are left alone. Those found go, in one undo step, and the user is told.
 * A note of another file is kept, whatever its age, for that file's next start; one of this file
 * (or of an earlier version, which did not say its file) that matches no placeholder is dropped
 * after 30 days. Returns the sentence to show, or null when nothing was removed.
 */
export async function removeInterruptedPlaceholders(
  figma: Pick<FigmaApi, 'getNodeByIdAsync' | 'commitUndo' | 'notify'>,
  store: PendingStore,
  now: Date,
): Promise<string | null> {
  const notes = await store.notes();
  store.file.adopt(await fileIdsFoundHere(figma, await store.tasks(), notes));
  const { isFree } = await claimsOf(store, notes);
  const orphans: FrameNode[] = [];
  const settled: StartedNote[] = [];
  for (const note of notes.filter(isFree)) {
    const placeholder = await findPlaceholder((id) => figma.getNodeByIdAsync(id), note.placeholderId);
    if (placeholder && placeholder.data.startedAt === note.startedAt) {
      settled.push(note);
      // Accepted after all (the note was not dropped in time): a pending task, not an orphan.
      if (placeholder.data.taskId === null) orphans.push(placeholder.frame);
    } else if ((note.fileId === null || note.fileId === store.file.id) && !(now.getTime() - Date.parse(note.startedAt) < UNMATCHED_NOTE_LIFETIME_MS)) {
      settled.push(note);
    }
  }
  // Synchronous from the last look-up on: nothing else can remove them in between.
  const removed = orphans.filter((frame) => !frame.removed);
  if (removed.length > 0) asOneUndoStep(figma, () => removed.forEach(removePlaceholderFrame));
  await store.dropNotes(settled);
  if (removed.length === 0) return null;
  const notice = removed.length === 1
    ? 'An earlier generation was interrupted before its result arrived, so its placeholder was removed.'
    : `${removed.length} earlier generations were interrupted before their results arrived, so their placeholders were removed.`;
  figma.notify(notice);
  return notice;
}

/**
 * Which entries no live session works on (this session's own live ones are not free either: their
 * runs are going), and the claiming sessions that are gone.
 */
async function claimsOf<T extends StoredTask | StartedNote>(
  store: PendingStore,
  entries: readonly T[],
): Promise<{ readonly isFree: (entry: T) => boolean; readonly gone: ReadonlySet<string> }> {
  const claimers = entries.flatMap((entry) => (entry.claimedBy === null ? [] : [entry.claimedBy]));
  const alive = await store.session.alive(claimers);
  return {
    isFree: (entry) => entry.claimedBy === null || !alive.has(entry.claimedBy),
    gone: new Set(claimers.filter((id) => !alive.has(id))),
  };
}

/**
 * The file ids this document shows evidence of: stored entries whose placeholder is here, with our
 * mark and the same task or the same start. Results naming a file are no evidence: a result is
 * copied between files with its provenance.
 */
async function fileIdsFoundHere(
  figma: Pick<FigmaApi, 'getNodeByIdAsync'>,
  tasks: readonly StoredTask[],
  notes: readonly StartedNote[],
): Promise<string[]> {
  const found: string[] = [];
  const lookUp = (id: string) => findPlaceholder((nodeId) => figma.getNodeByIdAsync(nodeId), id);
  for (const task of tasks) {
    if (task.fileId === null || task.placeholderId === null) continue;
    if ((await lookUp(task.placeholderId))?.data.taskId === task.record.id) found.push(task.fileId);
  }
  for (const note of notes) {
    if (note.fileId !== null && (await lookUp(note.placeholderId))?.data.startedAt === note.startedAt) found.push(note.fileId);
  }
  return found;
}
