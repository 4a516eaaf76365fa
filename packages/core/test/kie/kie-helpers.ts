/** Small builders shared by the kie tests. */
import { VirtualClock } from '../../bench/virtual-clock';
import { GptImageError } from '../../src/errors/gpt-image-error';
import type { Clock } from '../../src/internal/clock';
import { seededRandom } from '../../src/placeholder/seeded-random';
import type { RetryPolicy } from '../../src/policies/retry-policy';
import { createKieProvider, type KieConfig } from '../../src/providers/kie/index';
import { prepareRequestOrThrow, type PreparedRequest } from '../../src/request/prepare-request';
import type { OptionsInput } from '../../src/options/options-schema';
import type { FetchLike, ProviderProgress, ProviderRuntime, ResumeData, TaskContext } from '../../src/tasks/provider-runtime';
import type { FakeServer } from '../../src/fake-server/index';

export { VirtualClock };

/** A key long enough to be recognisable if it ever leaked into a message. */
export const KEY = 'kie-test-key-0123456789abcdef';

/** Retries that do not slow tests down: two attempts, a few milliseconds apart. */
export const QUICK_RETRIES: RetryPolicy = { maxAttempts: 2, baseDelayMs: 2, maxDelayMs: 5_000 };

/** A kie provider pointed at the fake server. */
export function kieFor(server: FakeServer, config: Partial<KieConfig> = {}): ProviderRuntime {
  return createKieProvider({
    apiKey: KEY,
    baseUrl: server.kieBaseUrl,
    uploadBaseUrl: server.uploadBaseUrl,
    retryPolicy: QUICK_RETRIES,
    ...config,
  });
}

/** A validated kie request. */
export function kieRequest(options: OptionsInput): PreparedRequest {
  return prepareRequestOrThrow(options, 'kie');
}

/** A task context that records what the provider reported. */
export interface RecordingContext {
  readonly context: TaskContext;
  readonly accepted: ResumeData[];
  readonly events: ProviderProgress[];
  /** The note messages so far. */
  notes(): string[];
}

/** A context on `clock` (its fetch wrapped when the clock is virtual). */
export function recordingContext(clock: Clock, options: { signal?: AbortSignal; fetch?: FetchLike; onAccepted?: (resume: ResumeData) => void } = {}): RecordingContext {
  const accepted: ResumeData[] = [];
  const events: ProviderProgress[] = [];
  const plainFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const context: TaskContext = {
    signal: options.signal ?? new AbortController().signal,
    fetch: clock instanceof VirtualClock ? clock.wrapFetch(plainFetch) : plainFetch,
    clock,
    random: seededRandom(7),
    accepted: async (resume) => {
      accepted.push(resume);
      options.onAccepted?.(resume);
    },
    progress: (event) => events.push(event),
  };
  return { context, accepted, events, notes: () => events.flatMap((e) => (e.type === 'note' ? [e.message] : [])) };
}

/** Requests the server saw on one route. */
export function requestsOn(server: FakeServer, route: string) {
  return server.requests.filter((r) => r.route === route);
}

/** The typed error a promise rejects with (fails when it resolves or throws anything else). */
export async function rejectionOf(promise: Promise<unknown>): Promise<GptImageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GptImageError) return error;
    throw new Error(`expected a GptImageError, got ${String(error)}`);
  }
  throw new Error('expected the promise to reject');
}
