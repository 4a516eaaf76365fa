/**
 * Runs a generating command for the view and follows it: the tasks that start while the command
 * runs are the view's (their states go to the view as `progress`, their streamed previews as
 * `preview`, and Cancel aborts them through the registry, as the status bar's Cancel does).
 */
import type { TaskEvent } from '@gpt-image/core';
import * as vscode from 'vscode';
import type { RunningTasks } from '../../host/running-tasks';

/** What the view hears of a run. */
export interface ViewRunListener {
  /** A task's life-cycle state changed. */
  readonly onState: (state: string) => void;
  /** A task client event of one of the run's tasks (previews among them). */
  readonly onEvent?: (event: TaskEvent) => void;
}

export class ViewRuns implements vscode.Disposable {
  readonly #ours = new Set<string>();
  #listeners: vscode.Disposable[] = [];
  #cancelled = false;

  constructor(private readonly running: RunningTasks) {}

  /** Runs `command` with `args`, reporting each state and event of the tasks it starts. */
  async run(command: string, args: object, listener: ViewRunListener): Promise<string | undefined> {
    const before = new Set(this.running.list().map((task) => task.id));
    this.#stopListening();
    this.#ours.clear();
    this.#cancelled = false;
    this.#listeners = [
      this.running.onDidChange(() => {
        for (const task of this.running.list()) {
          if (before.has(task.id)) continue;
          this.#ours.add(task.id);
          listener.onState(task.state);
        }
      }),
      this.running.onDidReport(({ id, event }) => {
        if (this.#ours.has(id)) listener.onEvent?.(event);
      }),
    ];
    try {
      return await vscode.commands.executeCommand<string | undefined>(command, args);
    } finally {
      this.#stopListening();
      this.#ours.clear();
    }
  }

  /** The view's Cancel: aborts the tasks of the current run. */
  cancel(): void {
    this.#cancelled = this.#ours.size > 0 || this.#cancelled;
    for (const id of this.#ours) this.running.cancel(id);
  }

  /** True when the view's Cancel stopped the latest run. */
  get cancelled(): boolean {
    return this.#cancelled;
  }

  dispose(): void {
    this.#stopListening();
  }

  #stopListening(): void {
    for (const listener of this.#listeners.splice(0)) listener.dispose();
  }
}
