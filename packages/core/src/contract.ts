/**
 * @gpt-image/core/contract — the options contract, sizes, prices and provider capabilities: pure
 * logic that needs no DOM, no Node and no network, so even Figma's main-thread sandbox can use it.
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
export { sizeRuleMessages } from './sizes/size-rule-message';
export { PRESET_SIZES, presetSize, tierPixelBudget, type PresetSize } from './sizes/preset-sizes';
export { requestedSize, concreteSize } from './sizes/resolve-size';
export { requestForShape, type ShapeRequest } from './sizes/size-for-provider';

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
