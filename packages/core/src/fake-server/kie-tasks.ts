/**
 * kie tasks and their life: each state lasts a fixed span from creation, and the current state is
 * computed from the clock on every look, so virtual time needs no timers.
 */

/** The states `recordInfo` reports, in order. */
export type KieState = 'waiting' | 'queuing' | 'generating' | 'success' | 'fail';

/** How a task ends once its time is up. */
export type KieEnding =
  | { readonly kind: 'success'; readonly resultUrl: string; readonly credits: number }
  | { readonly kind: 'fail'; readonly failCode: string; readonly failMsg: string }
  /** Stays `generating` forever (the `neverFinish` fault). */
  | { readonly kind: 'never' };

/** One task as created. */
export interface KieTask {
  readonly taskId: string;
  readonly model: string;
  /** The create request's body, as kie echoes it: a JSON string. */
  readonly param: string;
  readonly createdAt: number;
  readonly waitingMs: number;
  readonly queuingMs: number;
  readonly generatingMs: number;
  readonly ending: KieEnding;
}

/** A task as of one moment. */
export interface KieTaskView {
  readonly state: KieState;
  /** When the current state began. */
  readonly updateTime: number;
  /** When the task ended; null while it runs. */
  readonly completeTime: number | null;
}

/** The clock time at which a task ends (success or fail), ignoring `never`. */
export function completionTime(task: Pick<KieTask, 'createdAt' | 'waitingMs' | 'queuingMs' | 'generatingMs'>): number {
  return task.createdAt + task.waitingMs + task.queuingMs + task.generatingMs;
}

/** Where a task stands at `now`. */
export function viewTask(task: KieTask, now: number): KieTaskView {
  const queuingFrom = task.createdAt + task.waitingMs;
  const generatingFrom = queuingFrom + task.queuingMs;
  const endsAt = completionTime(task);
  if (now < queuingFrom) return { state: 'waiting', updateTime: task.createdAt, completeTime: null };
  if (now < generatingFrom) return { state: 'queuing', updateTime: queuingFrom, completeTime: null };
  if (now < endsAt || task.ending.kind === 'never') return { state: 'generating', updateTime: generatingFrom, completeTime: null };
  return { state: task.ending.kind, updateTime: endsAt, completeTime: endsAt };
}

/** Tasks by id. */
export class KieTaskStore {
  readonly #tasks = new Map<string, KieTask>();

  add(task: KieTask): void {
    this.#tasks.set(task.taskId, task);
  }

  get(taskId: string): KieTask | undefined {
    return this.#tasks.get(taskId);
  }

  clear(): void {
    this.#tasks.clear();
  }
}
