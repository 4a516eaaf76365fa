/**
 * One task under a cancellable notification: Cancel aborts the HTTP request or the polling
 * through the task's AbortSignal, and the progress line follows the task's states.
 */
import { formatCost, type PreparedRequest } from '@gpt-image/core';
import * as vscode from 'vscode';
import type { HostServices } from './services';
import type { Settings } from './settings';
import type { StoredTask, TaskDestination } from './task-store';
import type { TaskResult } from './task-runner';

/** A short label for a prompt: its start, on one line. */
export function shortLabel(prompt: string, max = 48): string {
  const line = prompt.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** Runs `request` to `destination` under a notification titled with the prompt and the cost. */
export function runWithProgress(services: HostServices, request: PreparedRequest, destination: TaskDestination, settings: Settings): Promise<TaskResult> {
  const label = shortLabel(request.options.prompt);
  return withCancellableProgress(`GPT Image: "${label}" (${formatCost(request.cost)})`, (signal, report) =>
    services.runner.run(request, destination, { label, settings, signal, onProgress: report }),
  );
}

/** Resumes a stored task under a notification. */
export function resumeWithProgress(services: HostServices, stored: StoredTask, settings: Settings): Promise<TaskResult> {
  const label = shortLabel(stored.record.request.options.prompt);
  return withCancellableProgress(`GPT Image: collecting "${label}"`, (signal, report) =>
    services.runner.resume(stored, { label, settings, signal, onProgress: report }),
  );
}

/** `window.withProgress` as a notification whose Cancel aborts an AbortSignal. */
export function withCancellableProgress<T>(title: string, work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort());
      try {
        return await work(controller.signal, (message) => progress.report({ message }));
      } finally {
        listener.dispose();
      }
    }),
  );
}
