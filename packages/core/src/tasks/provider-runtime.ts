import type { Clock } from '../internal/clock';
import type { OutputFormat } from '../options/option-values';
import type { Cost } from '../pricing/cost';
import type { ProviderId } from '../providers/provider-catalog';
import type { PreparedRequest } from '../request/prepare-request';
import type { RequestSummary } from './request-summary';

/** The `fetch` a provider uses: the global one, or a host's own (the Figma UI passes its iframe's). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The URL a {@link FetchLike} call is for, whichever form it was given in. */
export function fetchUrl(input: Parameters<FetchLike>[0]): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * What a provider may hand back to be able to continue a task in another process: plain JSON,
 * never a key. For kie: the task id (and the upload URLs used).
 */
export type ResumeData = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** What a provider reports while it works. */
export type ProviderProgress =
  | { readonly type: 'state'; readonly state: 'queued' | 'running'; readonly detail?: string }
  /** A streamed preview (OpenAI partial images); may be smaller than the result. */
  | { readonly type: 'partial'; readonly index: number; readonly bytes: Uint8Array; readonly format: OutputFormat }
  /** Something worth a log line: a retry, a wait for a rate limit. Never contains a key. */
  | { readonly type: 'note'; readonly message: string };

/** The finished image as the provider delivered it. */
export interface ProviderResult {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly format: OutputFormat;
  readonly actualCost: Cost | null;
  readonly providerTaskId: string | null;
  /** How long the provider says the work took, when it says (kie `costTime`). */
  readonly providerDurationMs?: number;
}

/** What the task client gives a provider for one run. */
export interface TaskContext {
  /** Aborts the HTTP request or the polling at once. */
  readonly signal: AbortSignal;
  readonly fetch: FetchLike;
  readonly clock: Clock;
  /** Randomness for jitter, injected so runs can repeat. Returns [0, 1). */
  readonly random: () => number;
  /**
   * Called once the provider has accepted the task (it is now being paid for). The task client
   * saves the record before this resolves, so a crash after it loses nothing.
   */
  accepted(resume: ResumeData): Promise<void>;
  progress(event: ProviderProgress): void;
}

/**
 * A provider's runtime: turns a prepared request into an image. Errors are always
 * `GptImageError`s of the kinds in SPEC 6 (see `errorFromResponse`).
 */
export interface ProviderRuntime {
  readonly id: ProviderId;
  /** Whether an accepted task can be continued from its resume data in a new process. */
  readonly resumable: boolean;
  run(request: PreparedRequest, context: TaskContext): Promise<ProviderResult>;
  /** Continues an accepted task without submitting it again. */
  resume(resume: ResumeData, request: RequestSummary, context: TaskContext): Promise<ProviderResult>;
}
