import { GptImageError } from '../errors/gpt-image-error';
import type { GeneratedImage } from '../generation/generated-image';
import { cancelledError, systemClock, type Clock } from '../internal/clock';
import { sha256Hex } from '../internal/hash';
import { redact } from '../internal/redact';
import type { ProviderId } from '../providers/provider-catalog';
import type { PreparedRequest } from '../request/prepare-request';
import type { FetchLike, ProviderProgress, ProviderResult, ProviderRuntime, ResumeData, TaskContext } from './provider-runtime';
import { summarizeRequest } from './request-summary';
import { canResume, type TaskRecord } from './task-record';
import type { TaskState } from './task-state';

/** What a run reports as it goes. */
export type TaskEvent =
  | { readonly type: 'state'; readonly state: TaskState; readonly record: TaskRecord; readonly detail?: string }
  | Exclude<ProviderProgress, { type: 'state' }>;

/** How the task client reaches the world. Everything is injected so hosts and tests choose. */
export interface TaskClientOptions {
  /** The runtime of each provider the host has set up (with its key). */
  readonly providers: Partial<Record<ProviderId, ProviderRuntime>>;
  /** @default globalThis.fetch */
  readonly fetch?: FetchLike;
  /** @default the system clock */
  readonly clock?: Clock;
  /** @default Math.random */
  readonly random?: () => number;
  /**
   * Persists a record. Called on every change; awaited when the provider accepts the task, so the
   * record is safe on disk before any more time is spent.
   */
  readonly saveRecord?: (record: TaskRecord) => Promise<void> | void;
  /** Strings (API keys) that must never appear in an error or a note. */
  readonly secrets?: readonly string[];
  /** @default crypto.randomUUID */
  readonly newId?: () => string;
}

/** Per-run options. */
export interface RunOptions {
  /** Aborting stops the HTTP request or the polling at once. */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: TaskEvent) => void;
}

/** A finished task: the image, and the record in its final state. */
export interface TaskOutcome {
  readonly image: GeneratedImage;
  readonly record: TaskRecord;
}

/**
 * The reason to abort with when the process is being interrupted (Ctrl-C, a window reload) rather
 * than the user cancelling: the record then stays resumable instead of being marked cancelled, so
 * a task already paid for can still be collected.
 */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor() {
    super('Interrupted; the task can be resumed.');
  }
}

/**
 * Runs generations and edits from submission to bytes with one life cycle for every provider:
 * `submitted → queued → running → succeeded | failed | cancelled`.
 */
export class TaskClient {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly fetchFn: FetchLike;
  private readonly newId: () => string;

  constructor(private readonly options: TaskClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  }

  /** Submits a prepared request and follows it to the image. */
  async run(request: PreparedRequest, runOptions: RunOptions = {}): Promise<TaskOutcome> {
    const provider = this.runtime(request.provider.id);
    const hashes = await Promise.all(request.options.images.map((image) => (image.source === 'bytes' ? sha256Hex(image.bytes) : sha256Hex(image.url))));
    const now = new Date(this.clock.now()).toISOString();
    const record: TaskRecord = {
      version: 1,
      id: this.newId(),
      state: 'submitted',
      createdAt: now,
      updatedAt: now,
      request: summarizeRequest(request, hashes),
      resume: null,
      resumable: provider.resumable,
      error: null,
    };
    return this.follow(record, runOptions, (context) => provider.run(request, context));
  }

  /** Continues a task from its record, in this or a new process, without submitting it again. */
  async resume(record: TaskRecord, runOptions: RunOptions = {}): Promise<TaskOutcome> {
    const provider = this.runtime(record.request.provider);
    if (!canResume(record) || record.resume === null) {
      throw new GptImageError(
        'invalid_input',
        record.resumable
          ? `Task ${record.id} is ${record.state} and has nothing left to resume.`
          : `Task ${record.id} cannot be resumed: ${record.request.provider} answers in the same request, so an interrupted request may have been billed and is not repeated automatically.`,
      );
    }
    const resumeData = record.resume;
    return this.follow(record, runOptions, (context) => provider.resume(resumeData, record.request, context));
  }

  private async follow(
    initial: TaskRecord,
    { signal = new AbortController().signal, onEvent }: RunOptions,
    work: (context: TaskContext) => Promise<ProviderResult>,
  ): Promise<TaskOutcome> {
    let record = initial;
    const secrets = this.options.secrets ?? [];
    // Saves and state events run one after another in the order of the changes, so a slow save
    // can never let an older state overwrite a newer one.
    let queue: Promise<void> = Promise.resolve();
    const update = (patch: Partial<Pick<TaskRecord, 'state' | 'resume' | 'error'>>, detail?: string): Promise<void> => {
      record = { ...record, ...patch, updatedAt: new Date(this.clock.now()).toISOString() };
      const snapshot = record;
      queue = queue.then(async () => {
        try {
          await this.options.saveRecord?.(snapshot);
        } catch (error) {
          // The image matters more than its record: go on, but say so.
          onEvent?.({ type: 'note', message: `Could not save the task record: ${error instanceof Error ? error.message : String(error)}` });
        }
        if (patch.state) onEvent?.({ type: 'state', state: snapshot.state, record: snapshot, ...(detail ? { detail } : {}) });
      });
      return queue;
    };
    await update({ state: record.state });

    const context: TaskContext = {
      signal,
      fetch: this.fetchFn,
      clock: this.clock,
      random: this.random,
      accepted: async (resume: ResumeData) => {
        await update({ resume });
      },
      progress: (event) => {
        if (event.type === 'state') {
          if (event.state !== record.state) void update({ state: event.state }, event.detail);
          return;
        }
        onEvent?.(event.type === 'note' ? { ...event, message: redact(event.message, secrets) } : event);
      },
    };

    try {
      if (signal.aborted) throw cancelledError(signal);
      const result = await work(context);
      await update({ state: 'succeeded', resume: record.resume });
      const image: GeneratedImage = {
        bytes: result.bytes,
        width: result.width,
        height: result.height,
        format: result.format,
        provider: record.request.provider,
        model: record.request.model,
        taskId: result.providerTaskId,
        actualCost: result.actualCost,
      };
      return { image, record };
    } catch (thrown) {
      const error = this.typed(thrown, signal, secrets);
      // An interruption, a lost connection or our own deadline is not the provider's verdict: an
      // accepted task goes on there and is paid for, so the record stays resumable to collect it.
      const notAVerdict = (signal.aborted && signal.reason instanceof Interrupted) || error.kind === 'timeout' || error.kind === 'network';
      if (notAVerdict && canResume(record)) throw error;
      await update({ state: error.kind === 'cancelled' ? 'cancelled' : 'failed', error: { kind: error.kind, message: error.message } });
      throw error;
    }
  }

  private typed(thrown: unknown, signal: AbortSignal, secrets: readonly string[]): GptImageError {
    // Whatever the provider was doing when the signal fired, the user's cancel is the reason.
    if (signal.aborted) return cancelledError(signal);
    const error = thrown instanceof GptImageError ? thrown : new GptImageError('internal', thrown instanceof Error ? thrown.message : String(thrown), { cause: thrown });
    const message = redact(error.message, secrets);
    const providerMessage = error.detail.providerMessage === undefined ? undefined : redact(error.detail.providerMessage, secrets);
    if (message === error.message && providerMessage === error.detail.providerMessage) return error;
    // The original is not kept as the cause: it holds the very text being redacted.
    return new GptImageError(error.kind, message, {
      detail: { ...error.detail, ...(providerMessage === undefined ? {} : { providerMessage }) },
    });
  }

  private runtime(id: ProviderId): ProviderRuntime {
    const provider = this.options.providers[id];
    if (!provider) {
      throw new GptImageError('auth', `provider ${id} has no API key here; set one (for the command line: ${id.toUpperCase()}_API_KEY) or choose another provider`);
    }
    return provider;
  }
}
