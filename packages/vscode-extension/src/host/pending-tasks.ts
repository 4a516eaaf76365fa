/**
 * Collecting tasks that outlived the window that started them (reload, crash, timeout): every
 * resumable record in `workspaceState` is followed with `TaskClient.resume` — never submitted
 * again — and its image saved where it was meant to go. Runs on activation and from
 * `gptImage.resumeTasks`.
 */
import { canResume } from '@gpt-image/core';
import * as vscode from 'vscode';
import { messageOf } from './log';
import { reportError } from './report-error';
import { resumeWithProgress } from './run-with-progress';
import { savedImageInfo, showSavedNotification } from './saved-notification';
import type { HostServices } from './services';
import { readSettings } from './settings';

/** `gptImage.resumeTasks`. */
export async function resumeTasksCommand(services: HostServices): Promise<string[]> {
  const saved = await resumePendingTasks(services);
  if (saved.length === 0 && services.store.list().tasks.length === 0) {
    void vscode.window.showInformationMessage('GPT Image: no pending tasks in this workspace.');
  }
  return saved;
}

/**
 * Resumes every stored task not already followed in this window; resolves once all have ended,
 * to the paths of the images saved. Failures are reported per task; a task whose provider has no
 * key stays stored for later.
 */
export async function resumePendingTasks(services: HostServices): Promise<string[]> {
  const { store, running, log } = services;
  const { tasks, unreadable } = store.list();
  for (const { key, problem } of unreadable) {
    log.warn(`Dropped an unreadable task record ${key}: ${problem}`);
    await store.drop(key);
  }
  const waiting = tasks.filter((stored) => !running.isFollowing(stored.record.id));
  if (waiting.length > 0) log.info(`Resuming ${waiting.length} pending task(s)`);
  const results = await Promise.all(
    waiting.map(async (stored): Promise<string | undefined> => {
      if (!canResume(stored.record)) {
        // Never accepted (or already over): nothing to collect, nothing was charged for it here.
        log.info(`Dropped task ${stored.record.id} (${stored.record.state}): nothing to resume`);
        await store.remove(stored.record.id);
        return undefined;
      }
      try {
        const settings = readSettings(vscode.Uri.file(stored.destination.dir));
        const { saved } = await resumeWithProgress(services, stored, settings);
        showSavedNotification(
          { ...savedImageInfo(saved, stored.record.request.options.prompt), note: 'A task started earlier has finished.' },
          undefined,
        );
        return saved.path;
      } catch (error) {
        log.warn(`Task ${stored.record.id} was not collected: ${messageOf(error)}`);
        reportError(log, error, `Collecting task ${stored.record.id}`);
        return undefined;
      }
    }),
  );
  return results.filter((path): path is string => path !== undefined);
}
