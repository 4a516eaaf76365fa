import { sniffImage, type ImageInfo } from '../../images/sniff-image';
import type { OutputFormat } from '../../options/option-values';
import type { ProviderProgress, ProviderResult } from '../../tasks/provider-runtime';
import { MalformedResponseError, StreamFailureError } from './openai-errors';
import { costFromUsage } from './openai-usage';
import { readImageEvents, readJsonImageBody } from './read-image-body';
import type { ImageStreamEvent } from './sse-image-events';

/** Reads a JSON images answer: `data[0].b64_json` and `usage`. */
export async function receiveJson(response: Response, signal: AbortSignal): Promise<ProviderResult> {
  const { json, image } = await readJsonImageBody(response, signal);
  if (!image) throw new MalformedResponseError('the answer holds no image (no data[0].b64_json)');
  return result(image, usageOf(json), requestIdOf(response));
}

/**
 * Reads an event stream: each `*.partial_image` becomes a progress event, the `*.completed` event
 * the result; an `error` event becomes a {@link StreamFailureError}.
 * @param requested the format asked for, reported for a preview whose bytes cannot be sniffed.
 */
export async function receiveStream(
  response: Response,
  signal: AbortSignal,
  progress: (event: ProviderProgress) => void,
  requested: OutputFormat,
): Promise<ProviderResult> {
  // An object, not a `let`: the compiler cannot see assignments made inside the callback.
  const seen: { completed: ImageStreamEvent | null; partials: number } = { completed: null, partials: 0 };
  await readImageEvents(response, signal, (event) => {
    const type = eventType(event);
    failIfError(event, type);
    if (type.endsWith('.partial_image') && event.image) {
      const index = numberField(event.json, 'partial_image_index') ?? seen.partials;
      seen.partials += 1;
      const info = sniffImage(event.image);
      progress({ type: 'partial', index, bytes: event.image, format: info ? formatOf(info) : requested });
    } else if (type.endsWith('.completed')) {
      seen.completed ??= event;
    }
  });
  const finished = seen.completed;
  if (!finished) throw new MalformedResponseError('the event stream ended before the image was complete');
  if (!finished.image) throw new MalformedResponseError('the completed event holds no image');
  return result(finished.image, usageOf(finished.json), requestIdOf(response));
}

function result(bytes: Uint8Array, usage: unknown, requestId: string | null): ProviderResult {
  // Size and format come from the image's own header: an `auto` size is only known here.
  const info = sniffImage(bytes);
  if (!info) throw new MalformedResponseError('the image data is not a PNG, JPEG or WebP image');
  return { bytes, width: info.width, height: info.height, format: formatOf(info), actualCost: costFromUsage(usage), providerTaskId: requestId };
}

/** A stream event that reports a failure, in any of the shapes the API uses. */
function failIfError(event: ImageStreamEvent, type: string): void {
  const body = event.json;
  const error = isRecord(body) && isRecord(body['error']) ? body['error'] : type === 'error' && isRecord(body) ? body : null;
  if (!error) return;
  const text = (key: string) => (typeof error[key] === 'string' ? error[key] : null);
  throw new StreamFailureError(text('message') ?? 'the generation failed', text('code'), text('type'));
}

function eventType(event: ImageStreamEvent): string {
  const type = isRecord(event.json) ? event.json['type'] : undefined;
  return typeof type === 'string' ? type : event.name;
}

function usageOf(json: unknown): unknown {
  return isRecord(json) ? json['usage'] : undefined;
}

function numberField(json: unknown, key: string): number | null {
  const value = isRecord(json) ? json[key] : undefined;
  return typeof value === 'number' ? value : null;
}

function formatOf(info: ImageInfo): OutputFormat {
  return info.mediaType === 'image/jpeg' ? 'jpeg' : info.mediaType === 'image/webp' ? 'webp' : 'png';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requestIdOf(response: Response): string | null {
  return response.headers.get('x-request-id');
}
