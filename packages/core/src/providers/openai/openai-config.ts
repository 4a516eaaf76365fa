import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../policies/retry-policy';

/** How to reach OpenAI for one user. Plain data: the host reads the key from its own secret store. */
export interface OpenAiConfig {
  /**
   * The user's own API key, as the host stored it (VS Code `SecretStorage`, Figma `clientStorage`).
   * It is sent only in the `Authorization` header and never appears in a message, note or error.
   */
  readonly apiKey: string;
  /**
   * Where the images API lives; a proxy or the fake server in tests. Passed to the SDK explicitly
   * so an `OPENAI_BASE_URL` in the environment can never send the user's key somewhere else.
   * @default 'https://api.openai.com/v1'
   */
  readonly baseUrl?: string;
  /**
   * How long one attempt may take, from sending the request to the last byte of the image. High
   * quality at 4K can take well over two minutes, so anything under five minutes is only for tests.
   * @default 600000 (10 minutes)
   */
  readonly timeoutMs?: number;
  /**
   * Whether the host shows previews while the image is made. It sets the default of
   * `partialImages`: 2 when true, 0 (a plain JSON request) when false.
   * @default false
   */
  readonly previews?: boolean;
  /**
   * Streamed previews to ask for, 0 to 3. Above 0 the request streams (`stream: true`) and each
   * preview costs about 100 extra output tokens.
   * @default 2 when `previews` is true, else 0
   */
  readonly partialImages?: number;
  /**
   * `output_compression` for JPEG and WebP (0–100); PNG is always lossless and never sends it.
   * @default 90
   */
  readonly outputCompression?: number;
  /** When and how often a refused request is tried again. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

/** The SDK's own default, written out so the environment cannot change it (see `baseUrl`). */
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** Ten minutes, like the SDK's own default: high quality at 4K can take more than two. */
export const DEFAULT_OPENAI_TIMEOUT_MS = 10 * 60 * 1000;
/** Previews when the host wants them: two give a sense of progress for about 200 extra tokens. */
export const DEFAULT_PREVIEW_PARTIAL_IMAGES = 2;
/** JPEG/WebP quality: much smaller files than the API default of 100, with no visible loss in most images. */
export const DEFAULT_OUTPUT_COMPRESSION = 90;

/** A config with every default applied and every number checked. */
export interface ResolvedOpenAiConfig {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly partialImages: number;
  readonly outputCompression: number;
  readonly retryPolicy: RetryPolicy;
}

/** Applies the defaults; throws a `RangeError` naming the option for a value out of range. */
export function resolveOpenAiConfig(config: OpenAiConfig): ResolvedOpenAiConfig {
  const timeoutMs = config.timeoutMs ?? DEFAULT_OPENAI_TIMEOUT_MS;
  const partialImages = config.partialImages ?? (config.previews ? DEFAULT_PREVIEW_PARTIAL_IMAGES : 0);
  const outputCompression = config.outputCompression ?? DEFAULT_OUTPUT_COMPRESSION;
  // The SDK refuses a timeout that is not a positive whole number.
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new RangeError(`timeoutMs must be a positive whole number of milliseconds (got ${timeoutMs})`);
  if (!Number.isInteger(partialImages) || partialImages < 0 || partialImages > 3) throw new RangeError(`partialImages must be 0, 1, 2 or 3 (got ${partialImages})`);
  if (!Number.isInteger(outputCompression) || outputCompression < 0 || outputCompression > 100) {
    throw new RangeError(`outputCompression must be a whole number from 0 to 100 (got ${outputCompression})`);
  }
  return {
    apiKey: config.apiKey,
    baseUrl: config.baseUrl ?? DEFAULT_OPENAI_BASE_URL,
    timeoutMs,
    partialImages,
    outputCompression,
    retryPolicy: config.retryPolicy ?? DEFAULT_RETRY_POLICY,
  };
}
