/** A task event as a progress line for a notification; undefined for events not worth showing. */
import type { TaskEvent, TaskState } from '@gpt-image/core';

const STATE_TEXT = {
  submitted: 'Sending…',
  queued: 'Queued at the provider…',
  running: 'Generating…',
  succeeded: 'Downloading…',
  failed: undefined,
  cancelled: undefined,
} as const satisfies Record<TaskState, string | undefined>;

export function describeTaskEvent(event: TaskEvent): string | undefined {
  switch (event.type) {
    case 'state':
      return STATE_TEXT[event.state];
    case 'partial':
      return `Preview ${event.index + 1} received…`;
    case 'note':
      return undefined;
  }
}
