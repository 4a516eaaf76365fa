import type { ErrorKind } from '../errors/error-kinds';
import type { ResumeData } from './provider-runtime';
import type { RequestSummary } from './request-summary';
import type { TaskState } from './task-state';

/**
 * Everything needed to know about a task and to finish it in another process, as plain JSON.
 * A host saves it whenever it changes, and above all the moment the provider accepts the task:
 * from then on the task is being paid for. It never holds a key or a reference image's bytes.
 */
export interface TaskRecord {
  readonly version: 1;
  /** Our id for the task, stable across resumes. */
  readonly id: string;
  readonly state: TaskState;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly request: RequestSummary;
  /** What the provider needs to continue; null until it has accepted the task. */
  readonly resume: ResumeData | null;
  /** Whether `resume` can finish the task without submitting it again. */
  readonly resumable: boolean;
  readonly error: { readonly kind: ErrorKind; readonly message: string } | null;
}

/** True when the record describes a task that was accepted, not finished, and can be continued. */
export function canResume(record: TaskRecord): boolean {
  return record.resumable && record.resume !== null && (record.state === 'submitted' || record.state === 'queued' || record.state === 'running');
}
