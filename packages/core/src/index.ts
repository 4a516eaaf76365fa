/**
 * @gpt-image/core — the browser-safe main entry: the options contract, sizes, prices, provider
 * capabilities and the placeholder renderer. Node-only parts live at `@gpt-image/core/node`.
 */
export {
  MODES, RESOLUTIONS, QUALITIES, ASPECT_RATIOS, OUTPUT_FORMATS, BACKGROUNDS, MODERATIONS,
  MAX_PROMPT_CODE_POINTS, MAX_IMAGES, MAX_IMAGE_BYTES,
} from './options/option-values';
export type {
  Mode, Resolution, Quality, AspectRatio, PresetRatio, OutputFormat, Background, Moderation,
} from './options/option-values';
export { optionsSchema, type Options, type OptionsInput } from './options/options-schema';
export { validateOptions, parseOptions, toOptionIssues, type Validation } from './options/validate-options';
export { promptLength, promptProblem } from './options/prompt-rule';

export { SIZE_RULE, sizeViolations, isValidSize, isExperimentalSize, formatSize } from './sizes/size-rule';
export type { PixelSize, SizeViolation } from './sizes/size-rule';
export { parseSize } from './sizes/parse-size';
export { nearestValidSize, sizeForShape } from './sizes/nearest-size';
export { PRESET_SIZES, presetSize, tierPixelBudget, type PresetSize } from './sizes/preset-sizes';
export { requestedSize, concreteSize } from './sizes/resolve-size';

export { sniffImage, describeImageKind, ACCEPTED_MEDIA_TYPES, type ImageInfo } from './images/sniff-image';
export { referenceImageProblem, type ReferenceImage, type ReferenceImageInput } from './images/reference-image';

export { PROVIDERS, PROVIDER_IDS, providerDescriptor, isProviderId } from './providers/provider-catalog';
export type { ProviderId, ProviderDescriptor } from './providers/provider-catalog';
export type { ProviderCapabilities } from './providers/provider-capabilities';
export { checkCapabilities, type CapabilityCheck } from './providers/check-capabilities';

export { costSchema, costUnitSchema, type Cost, type CostUnit } from './pricing/cost';
export { OPENAI_PRICES, KIE_PRICES } from './pricing/price-tables';
export { estimateCost, imageInputTokens, type CostEstimate } from './pricing/estimate-cost';
export { formatCost, needsConfirmation, DEFAULT_CONFIRM_ABOVE } from './pricing/format-cost';

export { prepareRequest, prepareRequestOrThrow, type PreparedRequest, type Preparation } from './request/prepare-request';

export { ERROR_KINDS, type ErrorKind } from './errors/error-kinds';
export { GptImageError, InvalidInputError, type OptionIssue, type ErrorDetail } from './errors/gpt-image-error';

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
export { systemClock, type Clock } from './internal/clock';
export { DEFAULT_RETRY_POLICY, shouldRetry, retryDelayMs, serverHintMs, type RetryPolicy, type AttemptFailure } from './policies/retry-policy';
export { withRetries, type RetryOptions } from './policies/with-retries';
export { errorFromFailure, kindForFailure, type ProviderFailure } from './errors/error-from-response';

export { createOpenAiProvider, DEFAULT_OPENAI_BASE_URL, DEFAULT_OPENAI_TIMEOUT_MS, openAiParams, costFromUsage, type OpenAiConfig } from './providers/openai/index';
