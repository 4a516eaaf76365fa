import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TaskRecord } from '../tasks/task-record';
import { writeFileAtomic } from './atomic-write';
import type { SaveTarget } from './save-image';

/** A task record with where its image is to be saved, as the CLI keeps it while a task runs. */
export interface StoredTask {
  readonly task: TaskRecord;
  readonly output: SaveTarget;
}

/**
 * The folder for task records: `GPT_IMAGE_STATE_DIR`, else `$XDG_STATE_HOME/gpt-image`, else
 * `~/.local/state/gpt-image`. State, not configuration: it may be deleted when nothing runs.
 */
export function defaultStateDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env['GPT_IMAGE_STATE_DIR']) return env['GPT_IMAGE_STATE_DIR'];
  const base = env['XDG_STATE_HOME'] || join(homedir(), '.local', 'state');
  return join(base, 'gpt-image');
}

/** Task records as one JSON file each in `<stateDir>/tasks`, written atomically. */
export class TaskStore {
  private readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'tasks');
  }

  /** Writes (or rewrites) a task's file. */
  async save(stored: StoredTask): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.pathOf(stored.task.id), `${JSON.stringify(stored, null, 2)}\n`);
  }

  /** One stored task, or null when there is none with that id. */
  async load(id: string): Promise<StoredTask | null> {
    if (!/^[\w-]+$/.test(id)) return null;
    try {
      const parsed: unknown = JSON.parse(await readFile(this.pathOf(id), 'utf8'));
      return isStoredTask(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  /** Every stored task, oldest first; unreadable files are skipped. */
  async list(): Promise<StoredTask[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const tasks = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => this.load(n.slice(0, -'.json'.length))));
    return tasks.filter((t): t is StoredTask => t !== null).sort((a, b) => a.task.createdAt.localeCompare(b.task.createdAt));
  }

  /**
   * Forgets a task, with any temporary copy of its file that a process killed mid-save left
   * behind (`.<id>.json.<pid>-<random>.tmp`); a live process's copy is left to it.
   */
  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const prefix = `.${id}.json.`;
    const orphans = names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp') && !isRunning(Number.parseInt(name.slice(prefix.length), 10)));
    await Promise.all(orphans.map((name) => rm(join(this.dir, name), { force: true })));
  }

  private pathOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }
}

/** Whether a process with this id is running (signal 0 only checks; EPERM means it runs as someone else). */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Enough of a check that a file written by another version, or by hand, is not mistaken for a task. */
function isStoredTask(value: unknown): value is StoredTask {
  if (typeof value !== 'object' || value === null || !('task' in value) || !('output' in value)) return false;
  const { task, output } = value;
  return (
    typeof task === 'object' && task !== null && 'version' in task && task.version === 1 && 'id' in task && typeof task.id === 'string' &&
    typeof output === 'object' && output !== null && 'dir' in output && typeof output.dir === 'string'
  );
}
