import { systemClock, type Clock } from '../../src/internal/clock';
import type { FetchLike, ProviderProgress, ResumeData, TaskContext } from '../../src/tasks/provider-runtime';

/** A task context that records what the provider reported. */
export interface RecordingContext {
  readonly context: TaskContext;
  readonly progress: ProviderProgress[];
  readonly accepted: ResumeData[];
  /** Every wait the provider asked the clock for, in ms. */
  readonly waits: number[];
  readonly notes: () => string[];
  readonly abort: (reason?: unknown) => void;
}

/**
 * Builds a context. `fastClock` (the default) records each wait and sleeps at most 5 ms of it,
 * so retry tests check the chosen delays without spending them; pass false for real waits.
 */
export function recordingContext(options: { fastClock?: boolean; fetch?: FetchLike } = {}): RecordingContext {
  const controller = new AbortController();
  const progress: ProviderProgress[] = [];
  const accepted: ResumeData[] = [];
  const waits: number[] = [];
  const clock: Clock = {
    now: () => systemClock.now(),
    sleep: (ms, signal) => {
      waits.push(ms);
      return systemClock.sleep(options.fastClock === false ? ms : Math.min(ms, 5), signal);
    },
  };
  const context: TaskContext = {
    signal: controller.signal,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    clock,
    random: () => 0.5,
    accepted: async (resume) => {
      accepted.push(resume);
    },
    progress: (event) => {
      progress.push(event);
    },
  };
  return {
    context,
    progress,
    accepted,
    waits,
    notes: () => progress.flatMap((p) => (p.type === 'note' ? [p.message] : [])),
    abort: (reason) => controller.abort(reason),
  };
}
