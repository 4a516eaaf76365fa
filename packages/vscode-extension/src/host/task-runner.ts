/**
 * Runs a prepared request (or resumes a stored task) to a saved file, the way the CLI's
 * `runTaskToFile` does, with VS Code's storage: the record goes to `workspaceState` the moment
 * the provider accepts the task, the image is saved atomically without overwriting, and the
 * record is dropped once the image is safe. Validation, pricing, retries and polling are the
 * core's; nothing here repeats them.
 */
import { canResume, GptImageError, TaskClient, type PreparedRequest, type TaskEvent, type TaskOutcome, type TaskRecord } from '@gpt-image/core';
import { saveGeneratedImage, type SavedImage } from '@gpt-image/core/node';
import { pathKey, resolvePath } from '../logic/index';
import { describeTaskEvent } from './describe-task-event';
import { messageOf, type Log } from './log';
import type { ProviderRuntimes } from './provider-runtimes';
import type { RunningTasks } from './running-tasks';
import type { Settings } from './settings';
import type { StoredTask, TaskDestination, TaskStore } from './task-store';
import { assertMaySend } from './trust';
import { UnsavedImageError } from './unsaved-image-error';

/** A saved image, and whether it had to take another name than the exact one asked for. */
export interface TaskResult {
  readonly saved: SavedImage;
  /** True when `destination.exact` and a file of that name appeared meanwhile. */
  readonly renamed: boolean;
}

/** Per-run options. */
export interface TaskRunOptions {
  /** Shown in the status bar's task list. */
  readonly label: string;
  /** The settings of the document the image is for (provider endpoints, timeout). */
  readonly settings: Settings;
  /** The notification's Cancel. */
  readonly signal?: AbortSignal;
  /** Progress text for the notification. */
  readonly onProgress?: (message: string) => void;
}

/** What the runner needs from the host. */
export interface TaskRunnerDeps {
  readonly runtimes: ProviderRuntimes;
  readonly store: TaskStore;
  readonly running: RunningTasks;
  readonly log: Log;
}

/** Runs and resumes tasks to saved files; one per window, shared by every command. */
export class TaskRunner {
  constructor(private readonly deps: TaskRunnerDeps) {}

  /**
   * Submits `request` and saves the image in `destination`.
   * @throws GptImageError from the core (its kinds, cancelled included), or UnsavedImageError
   *   when the image was made but could not be written there
   */
  async run(request: PreparedRequest, destination: TaskDestination, options: TaskRunOptions): Promise<TaskResult> {
    // At the moment of sending: trust may have been withdrawn since the command started.
    assertMaySend(request);
    return this.follow(request.provider.id, destination, options, (client, runOptions) => client.run(request, runOptions));
  }

  /** Continues a stored task without submitting it again, and saves its image where it was meant to go. */
  async resume(stored: StoredTask, options: TaskRunOptions): Promise<TaskResult> {
    return this.follow(stored.record.request.provider, stored.destination, options, (client, runOptions) => client.resume(stored.record, runOptions));
  }

  private async follow(
    provider: TaskRecord['request']['provider'],
    destination: TaskDestination,
    options: TaskRunOptions,
    work: (client: TaskClient, runOptions: { signal: AbortSignal; onEvent: (event: TaskEvent) => void }) => Promise<TaskOutcome>,
  ): Promise<TaskResult> {
    const { store, running, log, runtimes } = this.deps;
    const setup = await runtimes.get(provider, options.settings);
    const handle = running.start(options.label, options.signal);
    // Held in an object: TypeScript does not track assignments made inside the callback.
    const seen: { last: TaskRecord | null } = { last: null };
    const client = new TaskClient({
      providers: { [provider]: setup.runtime },
      secrets: setup.secrets,
      saveRecord: async (record) => {
        seen.last = record;
        handle.update(record.state, record.id);
        // Only a task that can be resumed is worth keeping; the rest could not be collected anyway.
        if (record.resumable) await store.save({ version: 1, record, destination });
      },
    });
    const onEvent = (event: TaskEvent): void => {
      if (event.type === 'note') log.info(event.message);
      else if (event.type === 'state') log.debug(`task ${event.record.id}: ${event.state}${event.detail ? ` (${event.detail})` : ''}`);
      handle.report(event);
      const text = describeTaskEvent(event);
      if (text) options.onProgress?.(text);
    };

    let outcome: TaskOutcome;
    try {
      outcome = await work(client, { signal: handle.signal, onEvent });
    } catch (error) {
      handle.finish();
      const record = seen.last;
      if (record && canResume(record)) {
        log.warn(`Task ${record.id} goes on at ${record.request.provider} (${messageOf(error)}); it is collected the next time GPT Image starts, or with "GPT Image: Collect Pending Tasks".`);
      } else if (record) {
        await store.remove(record.id);
      }
      throw error;
    }

    try {
      options.onProgress?.('Saving…');
      const saved = await saveGeneratedImage(outcome.image, outcome.record.request, destination);
      for (const warning of saved.warnings) log.warn(warning);
      const renamed = destination.exact && pathKey(saved.path) !== pathKey(resolvePath(destination.dir, destination.fileName));
      log.info(`Saved ${saved.path} (${outcome.image.width}x${outcome.image.height}, ${outcome.record.request.provider})`);
      return { saved, renamed };
    } catch (error) {
      if (error instanceof GptImageError && error.kind === 'output') throw new UnsavedImageError(outcome.image, outcome.record.request, error);
      throw error;
    } finally {
      // The image is on disk (or kept in the temporary folder, with Save As offered): the task is done.
      await store.remove(outcome.record.id);
      handle.finish();
    }
  }
}
