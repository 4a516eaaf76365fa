import { defaultStateDir, TaskStore } from '../node/task-store';
import { saveGeneratedImage, type SaveTarget, type SavedImage } from '../node/save-image';
import type { PreparedRequest } from '../request/prepare-request';
import { TaskClient, type TaskEvent, type TaskOutcome } from '../tasks/task-client';
import { canResume, type TaskRecord } from '../tasks/task-record';
import type { CliIo } from './cli-io';
import { cliProviders } from './cli-providers';
import { Progress } from './progress';

/** What to do: submit a new request, or continue a stored task. */
export type TaskWork = { readonly run: PreparedRequest } | { readonly resume: TaskRecord };

/**
 * Runs a task to a saved file. The record is kept in the state folder while the task runs, so an
 * interrupted run (Ctrl-C, a crash) can be finished by `gpt-image resume` without paying again;
 * it is removed once the image is saved, or when the task ended in a way nothing can resume.
 */
export async function runTaskToFile(work: TaskWork, output: SaveTarget, io: CliIo, quiet: boolean): Promise<SavedImage> {
  const store = new TaskStore(defaultStateDir(io.env));
  const providers = cliProviders(io.env);
  const progress = quiet ? null : new Progress(io.stderr);
  const onEvent = (event: TaskEvent) => {
    if (event.type === 'state') progress?.update(`${event.state}${event.detail ? `: ${event.detail}` : ''}…`);
    else if (event.type === 'partial') progress?.update(`preview ${event.index + 1} received…`);
    else if (!quiet) io.stderr.write(`\r\x1b[2Knote: ${event.message}\n`);
  };
  // Held in an object: TypeScript does not track assignments made inside the callback.
  const seen: { last: TaskRecord | null } = { last: null };
  const client = new TaskClient({
    providers: providers.runtimes,
    secrets: providers.secrets,
    // Only a task that can be resumed is worth a file; the rest would be clutter after a crash.
    saveRecord: async (task) => {
      seen.last = task;
      if (task.resumable) await store.save({ task, output });
    },
  });
  const signal = io.interrupt ?? new AbortController().signal;
  let outcome: TaskOutcome;
  try {
    outcome = 'run' in work ? await client.run(work.run, { signal, onEvent }) : await client.resume(work.resume, { signal, onEvent });
  } catch (error) {
    progress?.stop();
    const record = seen.last;
    if (record && canResume(record)) {
      io.stderr.write(`Task ${record.id} goes on at ${record.request.provider}; finish it with: gpt-image resume ${record.id}\n`);
    } else if (record) {
      await store.remove(record.id);
    }
    throw error;
  }
  try {
    progress?.update('saving…');
    return await saveGeneratedImage(outcome.image, outcome.record.request, output);
  } finally {
    progress?.stop();
    await store.remove(outcome.record.id);
  }
}
