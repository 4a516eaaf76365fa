/**
 * Task records in `workspaceState`, one key per task, together with where the image is to be
 * saved. A record is written the moment the provider accepts the task (the task client awaits
 * the save), so a reload or crash after that loses nothing: activation resumes it.
 */
import { englishIssue, PROVIDER_IDS, type TaskRecord } from '@gpt-image/core';
import type * as vscode from 'vscode';
import * as z from 'zod/mini';

const KEY_PREFIX = 'gptImage.task.';

/** Where a task's image goes: core's save target, plus whether the exact name was asked for. */
export interface TaskDestination {
  readonly dir: string;
  readonly fileName: string;
  /**
   * A missing image's exact path: if a file of that name appeared meanwhile, the image is saved
   * under a free name and the user is told so.
   */
  readonly exact: boolean;
}

/** What is kept per task. */
export interface StoredTask {
  readonly version: 1;
  readonly record: TaskRecord;
  readonly destination: TaskDestination;
}

/**
 * Enough of a record's shape to resume it safely; the record itself is written by core and read
 * back unchanged. Anything else (another version's format, a hand edit) is dropped with a log line.
 */
const recordShape = z.looseObject({
  version: z.literal(1),
  id: z.string().check(z.minLength(1)),
  state: z.string(),
  request: z.looseObject({ provider: z.enum(PROVIDER_IDS), options: z.looseObject({ prompt: z.string() }) }),
  resume: z.nullable(z.record(z.string(), z.unknown())),
  resumable: z.boolean(),
});

const storedTaskSchema = z.object({
  version: z.literal(1),
  record: z.custom<TaskRecord>((value) => recordShape.safeParse(value).success, { error: 'not a task record this version can resume' }),
  destination: z.object({ dir: z.string().check(z.minLength(1)), fileName: z.string().check(z.minLength(1)), exact: z.boolean() }),
});

/** The workspace's stored tasks. */
export class TaskStore {
  constructor(private readonly state: vscode.Memento) {}

  /** Writes (or rewrites) a task's entry; awaited by the task client when the provider accepts the task. */
  async save(task: StoredTask): Promise<void> {
    await this.state.update(KEY_PREFIX + task.record.id, task);
  }

  /** Forgets a task once its image is saved or nothing can resume it. */
  async remove(id: string): Promise<void> {
    await this.state.update(KEY_PREFIX + id, undefined);
  }

  /** Every readable stored task, oldest first; unreadable entries are returned as problems. */
  list(): { tasks: StoredTask[]; unreadable: { key: string; problem: string }[] } {
    const tasks: StoredTask[] = [];
    const unreadable: { key: string; problem: string }[] = [];
    for (const key of this.state.keys()) {
      if (!key.startsWith(KEY_PREFIX)) continue;
      // zod/mini has no locale: the problem is logged with zod's English wording, passed in here.
      const parsed = storedTaskSchema.safeParse(this.state.get(key), { error: englishIssue });
      if (parsed.success) tasks.push(parsed.data);
      else unreadable.push({ key, problem: z.prettifyError(parsed.error) });
    }
    tasks.sort((a, b) => a.record.createdAt.localeCompare(b.record.createdAt));
    return { tasks, unreadable };
  }

  /** Forgets an unreadable entry by its storage key. */
  async drop(key: string): Promise<void> {
    await this.state.update(key, undefined);
  }
}
