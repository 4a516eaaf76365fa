import { InvalidInputError } from '../../errors/gpt-image-error';
import type { Moderation, OutputFormat, Quality } from '../../options/option-values';
import type { PreparedRequest } from '../../request/prepare-request';

/** The body fields both endpoints take, exactly as sent. */
export interface OpenAiCommonBody {
  readonly model: 'gpt-image-2';
  readonly prompt: string;
  /** The product makes exactly one image per request. */
  readonly n: 1;
  readonly quality: Quality;
  /** `WIDTHxHEIGHT`, or `auto` to let the model pick. */
  readonly size: string;
  readonly output_format: OutputFormat;
  /** JPEG and WebP only. */
  readonly output_compression?: number;
  /** gpt-image-2 has no transparent background. */
  readonly background: 'auto' | 'opaque';
  readonly stream?: true;
  readonly partial_images?: number;
}

/** `images.generate`: the common fields plus `moderation`, which only this endpoint has. */
export interface OpenAiGenerateBody extends OpenAiCommonBody {
  readonly moderation: Moderation;
}

/** What to send: the endpoint and its body (for edit, without the image files, added when sent). */
export type OpenAiParams =
  | { readonly endpoint: 'generate'; readonly body: OpenAiGenerateBody }
  | { readonly endpoint: 'edit'; readonly body: OpenAiCommonBody };

/** Choices that come from the provider's config rather than from the request. */
export interface OpenAiParamsSettings {
  /** Streamed previews, 0–3; 0 sends a plain JSON request. @default 0 */
  readonly partialImages?: number;
  /** For JPEG and WebP. @default 90 */
  readonly outputCompression?: number;
}

/**
 * The SDK parameters for a prepared request. Pure. Always `model: 'gpt-image-2'` and `n: 1`;
 * never `input_fidelity` (gpt-image-2 always works at high fidelity and refuses the field) nor
 * `response_format` (GPT image models always answer with base64).
 */
export function openAiParams(request: PreparedRequest, settings: OpenAiParamsSettings = {}): OpenAiParams {
  const { options, size } = request;
  const partialImages = settings.partialImages ?? 0;
  if (options.background === 'transparent') {
    // `prepareRequest` refuses this first; checked again because a request here costs money.
    throw new InvalidInputError([{ path: 'background', message: 'background transparent is not available for gpt-image-2 on OpenAI; use auto or opaque' }]);
  }
  const common: OpenAiCommonBody = {
    model: 'gpt-image-2',
    prompt: options.prompt,
    n: 1,
    quality: options.quality,
    size: size ? `${size.width}x${size.height}` : 'auto',
    output_format: options.outputFormat,
    ...(options.outputFormat === 'png' ? {} : { output_compression: settings.outputCompression ?? 90 }),
    background: options.background,
    ...(partialImages > 0 ? { stream: true, partial_images: partialImages } : {}),
  };
  return options.mode === 'generate'
    ? { endpoint: 'generate', body: { ...common, moderation: options.moderation } }
    : { endpoint: 'edit', body: common };
}
