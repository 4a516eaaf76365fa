/**
 * What `activate` returns: a small API for other extensions and the integration tests. The
 * commands (with their argument objects) are the main surface; these are the parts a command
 * cannot express.
 */
import { canResume } from '@gpt-image/core';
import { resumePendingTasks } from './pending-tasks';
import type { HostServices } from './services';

export interface GptImageApi {
  /**
   * Collects every pending task of the workspace, as activation does (the test seam for "the
   * extension host restarted"). Resolves to the saved paths.
   */
  resumePendingTasks(): Promise<string[]>;
  /** Ids of the stored tasks a provider has accepted and that are not yet saved (resumable). */
  pendingTaskIds(): string[];
  /**
   * Stops following every running task without cancelling it, as a shutting-down extension host
   * does: accepted tasks stay pending and resumable.
   */
  interruptRunningTasks(): void;
}

/** The API object `activate` returns, over the window's services. */
export function createApi(services: HostServices): GptImageApi {
  return {
    resumePendingTasks: () => resumePendingTasks(services),
    pendingTaskIds: () => services.store.list().tasks.filter((task) => canResume(task.record)).map((task) => task.record.id),
    interruptRunningTasks: () => services.running.interruptAll(),
  };
}
