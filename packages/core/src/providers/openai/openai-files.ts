import { GptImageError, InvalidInputError } from '../../errors/gpt-image-error';
import { referenceImageProblem, type ReferenceImage } from '../../images/reference-image';
import { sniffImage, type ImageInfo } from '../../images/sniff-image';
import type { Clock } from '../../internal/clock';
import { withRetries } from '../../policies/with-retries';
import type { AttemptFailure, RetryPolicy } from '../../policies/retry-policy';
import type { FetchLike } from '../../tasks/provider-runtime';
import type { OpenAiSdk } from './openai-sdk';

/** What it takes to turn reference images into upload parts. */
export interface ReferenceFileContext {
  readonly toFile: OpenAiSdk['toFile'];
  readonly fetch: FetchLike;
  readonly clock: Clock;
  readonly random: () => number;
  readonly signal: AbortSignal;
  readonly retryPolicy?: RetryPolicy;
  readonly onRetry?: (message: string) => void;
}

/**
 * The `image[]` parts of an edit, in order: the image being edited first, then the references.
 * Each is a `File` with its sniffed media type set explicitly — without it the SDK sends
 * `application/octet-stream` and the API answers 400 `unsupported_file_mimetype`. Images given as
 * URLs are downloaded first with the host's `fetch` (free, so retried freely) and checked like
 * local bytes, because this endpoint takes only uploads.
 */
export async function referenceFiles(images: readonly ReferenceImage[], context: ReferenceFileContext): Promise<File[]> {
  const files: File[] = [];
  for (const [index, image] of images.entries()) {
    const { bytes, info } = image.source === 'bytes' ? { bytes: image.bytes, info: image } : await downloadReference(image.url, index, context);
    const name = image.name ?? (image.source === 'url' ? lastPathSegment(image.url) : undefined);
    files.push(await context.toFile(bytes, fileName(name, index, info), { type: info.mediaType }));
  }
  return files;
}

/** A name with the extension of what the bytes are, whatever the original name said. */
export function fileName(name: string | undefined, index: number, info: ImageInfo): string {
  const extension = info.mediaType === 'image/jpeg' ? 'jpg' : info.mediaType.slice('image/'.length);
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-').slice(0, 80);
  return `${stem || `image-${index + 1}`}.${extension}`;
}

function lastPathSegment(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || undefined;
  } catch {
    return undefined;
  }
}

async function downloadReference(url: string, index: number, context: ReferenceFileContext): Promise<{ bytes: Uint8Array; info: ImageInfo }> {
  const label = `images[${index}] (${url})`;
  const bytes = await withRetries(
    async () => {
      const response = await context.fetch(url, { signal: context.signal });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new DownloadStatusError(response.status, response.headers);
      }
      return new Uint8Array(await response.arrayBuffer());
    },
    {
      paid: false,
      classify: classifyDownload,
      clock: context.clock,
      random: context.random,
      signal: context.signal,
      ...(context.retryPolicy ? { policy: context.retryPolicy } : {}),
      onRetry: ({ delayMs }) => context.onRetry?.(`downloading ${label} failed; retrying in ${Math.max(1, Math.round(delayMs / 1000))} s`),
    },
  ).catch((error: unknown) => {
    if (context.signal.aborted || error instanceof GptImageError) throw error;
    if (error instanceof DownloadStatusError && error.status >= 400 && error.status < 500) {
      throw new InvalidInputError([{ path: `images[${index}]`, message: `${label} could not be downloaded: the server answered ${error.status}; nothing was sent to OpenAI` }]);
    }
    const reason = error instanceof DownloadStatusError ? `the server answered ${error.status}` : error instanceof Error ? error.message : String(error);
    throw new GptImageError('network', `${label} could not be downloaded (${reason}); nothing was sent to OpenAI.`, { cause: error });
  });
  const problem = referenceImageProblem(bytes);
  const info = sniffImage(bytes);
  if (problem || !info) throw new InvalidInputError([{ path: `images[${index}]`, message: `${label} ${problem ?? 'is not an image'}` }]);
  return { bytes, info };
}

class DownloadStatusError extends Error {
  readonly status: number;
  readonly headers: Headers;

  constructor(status: number, headers: Headers) {
    super(`HTTP ${status}`);
    this.status = status;
    this.headers = headers;
  }
}

function classifyDownload(error: unknown): AttemptFailure {
  if (error instanceof DownloadStatusError) return { type: 'status', status: error.status, headers: error.headers };
  // fetch rejects with a TypeError for network failures; a download is free to repeat.
  if (error instanceof TypeError) return { type: 'interrupted' };
  return { type: 'other' };
}
