/**
 * @gpt-image/core — the browser-safe main entry: the options contract, sizes, prices, provider
 * capabilities and the placeholder renderer. Node-only parts live at `@gpt-image/core/node`.
 */
export * from './contract';

export { slugify, extensionFor, outputFileName, type OutputFileNameInput } from './output/file-name';
export { withPngText, readPngText } from './output/png-text';
export { MANIFEST_FILE_NAME, MANIFEST_VERSION, manifestSchema, manifestEntrySchema } from './manifest/manifest-schema';
export type { Manifest, ManifestEntry, ManifestReference, ManifestCost } from './manifest/manifest-schema';
export { emptyManifest, parseManifest, addEntry, serializeManifest, ManifestParseError } from './manifest/manifest-entries';
export { manifestEntryFor } from './generation/manifest-entry-for';
export type { GeneratedImage } from './generation/generated-image';

export { renderPlaceholder, UnsupportedFormatError, type PlaceholderSpec } from './placeholder/index';
export { createPlaceholderProvider } from './providers/placeholder-provider';

export { TASK_STATES, isTerminal, type TaskState } from './tasks/task-state';
export { canResume, type TaskRecord } from './tasks/task-record';
export { summarizeRequest, type RequestSummary } from './tasks/request-summary';
export { TaskClient, Interrupted, type TaskClientOptions, type RunOptions, type TaskEvent, type TaskOutcome } from './tasks/task-client';
export type { ProviderRuntime, TaskContext, ProviderResult, ProviderProgress, ResumeData, FetchLike } from './tasks/provider-runtime';
export { fetchUrl } from './tasks/provider-runtime';
export { systemClock, type Clock } from './internal/clock';
// zod/mini loads no locale: hosts that show zod's own messages pass this for its English wording.
export { englishIssue } from './internal/zod-english';
export { DEFAULT_RETRY_POLICY, shouldRetry, retryDelayMs, serverHintMs, type RetryPolicy, type AttemptFailure } from './policies/retry-policy';
export { withRetries, type RetryOptions } from './policies/with-retries';
export { errorFromFailure, kindForFailure, type ProviderFailure } from './errors/error-from-response';

export { createOpenAiProvider, DEFAULT_OPENAI_BASE_URL, DEFAULT_OPENAI_TIMEOUT_MS, openAiParams, costFromUsage, type OpenAiConfig } from './providers/openai/index';
export {
  createKieProvider,
  KIE_API,
  createAdaptivePollPolicy,
  createFixedPollPolicy,
  DurationHistory,
  type KieConfig,
  type PollPolicy,
  type DurationHistorySnapshot,
} from './providers/kie/index';
