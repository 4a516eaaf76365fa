/**
 * The tasks running in this window, for the status bar and its Cancel list. Each task owns an
 * AbortController linked to its caller's signal; disposing the registry (window reload, editor
 * shutdown) aborts every task with core's `Interrupted`, which keeps accepted tasks resumable.
 */
import { Interrupted, type TaskEvent, type TaskState } from '@gpt-image/core';
import * as vscode from 'vscode';

/** One task in flight. */
export interface RunningTask {
  /** Our id for the entry; the task record's id once the task client has made one. */
  readonly id: string;
  readonly label: string;
  readonly startedAt: number;
  readonly signal: AbortSignal;
  /** The life-cycle state last reported. */
  readonly state: TaskState | 'starting';
  /** The task record's id, set once known (kept in workspace state while resumable). */
  readonly recordId: string | undefined;
}

interface Entry extends RunningTask {
  state: TaskState | 'starting';
  recordId: string | undefined;
  readonly controller: AbortController;
}

/** A task's handle for its runner: report state, and finish exactly once. */
export interface TaskHandle {
  readonly signal: AbortSignal;
  update(state: TaskState, recordId: string): void;
  /** Passes on one of the task client's events (previews, state details) to `onDidReport`. */
  report(event: TaskEvent): void;
  finish(): void;
}

/** Registry of running tasks. */
export class RunningTasks implements vscode.Disposable {
  readonly #entries = new Map<string, Entry>();
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #reported = new vscode.EventEmitter<{ readonly id: string; readonly event: TaskEvent }>();
  #nextId = 1;

  /** Fires whenever a task starts, changes state or ends. */
  readonly onDidChange = this.#changed.event;
  /** The task client's events of each running task, by the task's id here (the view's previews). */
  readonly onDidReport = this.#reported.event;

  /** Registers a task; `parent` aborting (the notification's Cancel) aborts it too. */
  start(label: string, parent?: AbortSignal): TaskHandle {
    const controller = new AbortController();
    const id = `task-${this.#nextId++}`;
    const entry: Entry = { id, label, startedAt: Date.now(), signal: controller.signal, state: 'starting', recordId: undefined, controller };
    const onParentAbort = (): void => controller.abort(parent?.reason);
    if (parent?.aborted) onParentAbort();
    else parent?.addEventListener('abort', onParentAbort, { once: true });
    this.#entries.set(id, entry);
    this.#changed.fire();
    return {
      signal: controller.signal,
      update: (state, recordId) => {
        entry.state = state;
        entry.recordId = recordId;
        this.#changed.fire();
      },
      report: (event) => this.#reported.fire({ id, event }),
      finish: () => {
        parent?.removeEventListener('abort', onParentAbort);
        if (this.#entries.delete(id)) this.#changed.fire();
      },
    };
  }

  /** Tasks in start order. */
  list(): readonly RunningTask[] {
    return [...this.#entries.values()];
  }

  /** True while a task with that record id is being followed here (so it is not resumed twice). */
  isFollowing(recordId: string): boolean {
    return [...this.#entries.values()].some((entry) => entry.recordId === recordId);
  }

  /** The user's Cancel: the task ends as cancelled. */
  cancel(id: string): void {
    this.#entries.get(id)?.controller.abort();
  }

  /**
   * Stops following every task without cancelling it: accepted tasks stay resumable and are
   * collected on the next activation. What deactivation does.
   */
  interruptAll(): void {
    for (const entry of this.#entries.values()) entry.controller.abort(new Interrupted());
  }

  dispose(): void {
    this.interruptAll();
    this.#changed.dispose();
    this.#reported.dispose();
  }
}
