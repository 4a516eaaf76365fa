/**
 * The extension host's long-lived parts, made once in `activate` and handed to every command:
 * no module-level state. Each part that holds resources is owned by `context.subscriptions`.
 */
import type * as vscode from 'vscode';
import { KeyStore } from './key-store';
import type { Log } from './log';
import { ProviderRuntimes } from './provider-runtimes';
import { RunningTasks } from './running-tasks';
import { TaskRunner } from './task-runner';
import { TaskStore } from './task-store';

/** What commands, providers and (later) the webview view share. */
export interface HostServices {
  readonly context: vscode.ExtensionContext;
  readonly log: Log;
  readonly keys: KeyStore;
  /** Task records of this workspace, for resuming after a restart. */
  readonly store: TaskStore;
  /** Tasks in flight in this window (status bar, Cancel, interruption on shutdown). */
  readonly running: RunningTasks;
  /** Runs and resumes tasks to saved files. */
  readonly runner: TaskRunner;
}

/** Creates the services; nothing here touches the network or loads a provider. */
export function createServices(context: vscode.ExtensionContext, log: Log): HostServices {
  const keys = new KeyStore(context.secrets);
  const store = new TaskStore(context.workspaceState);
  const running = new RunningTasks();
  const runtimes = new ProviderRuntimes(keys, context.globalState);
  context.subscriptions.push(running, runtimes);
  const runner = new TaskRunner({ runtimes, store, running, log });
  return { context, log, keys, store, running, runner };
}
