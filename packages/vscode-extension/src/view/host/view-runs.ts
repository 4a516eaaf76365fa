/**
 * Runs a generating command for the view and follows it: the tasks that start while the command
 * runs are the view's (their states go to the view as `progress`, and Cancel aborts them through
 * the registry, as the status bar's Cancel does).
 */
import * as vscode from 'vscode';
import type { RunningTasks } from '../../host/running-tasks';

export class ViewRuns implements vscode.Disposable {
  readonly #ours = new Set<string>();
  #listener: vscode.Disposable | undefined;

  constructor(private readonly running: RunningTasks) {}

  /** Runs `command` with `args`, reporting each state of the tasks it starts. */
  async run(command: string, args: object, onState: (state: string) => void): Promise<string | undefined> {
    const before = new Set(this.running.list().map((task) => task.id));
    this.#listener?.dispose();
    this.#ours.clear();
    this.#listener = this.running.onDidChange(() => {
      for (const task of this.running.list()) {
        if (before.has(task.id)) continue;
        this.#ours.add(task.id);
        onState(task.state);
      }
    });
    try {
      return await vscode.commands.executeCommand<string | undefined>(command, args);
    } finally {
      this.#listener.dispose();
      this.#listener = undefined;
      this.#ours.clear();
    }
  }

  /** The view's Cancel: aborts the tasks of the current run. */
  cancel(): void {
    for (const id of this.#ours) this.running.cancel(id);
  }

  dispose(): void {
    this.#listener?.dispose();
  }
}
