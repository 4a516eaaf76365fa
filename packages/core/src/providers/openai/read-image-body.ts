import { JsonImageScanner, type ScannedJson } from './json-image-scanner';
import { MalformedResponseError, ResponseBodyError } from './openai-errors';
import { SseImageEvents, type ImageStreamEvent } from './sse-image-events';

/**
 * Reads a JSON images response, decoding `data[0].b64_json` as the bytes arrive. When the body's
 * length is known (and not compressed) the image buffer is allocated once at its final size.
 */
export async function readJsonImageBody(response: Response, signal: AbortSignal): Promise<ScannedJson> {
  const scanner = new JsonImageScanner(imageSizeHint(response));
  await readBody(response, signal, (chunk) => scanner.write(chunk));
  return parsed(() => scanner.finish());
}

/** Reads an event stream, handing each event to `onEvent` as soon as it is complete. */
export async function readImageEvents(response: Response, signal: AbortSignal, onEvent: (event: ImageStreamEvent) => void): Promise<void> {
  const events = new SseImageEvents(onEvent);
  await readBody(response, signal, (chunk) => events.write(chunk));
  parsed(() => events.finish());
}

/**
 * Feeds the body to `onChunk` piece by piece. A connection that fails mid-body becomes a
 * {@link ResponseBodyError}; a piece the parser cannot read, a {@link MalformedResponseError}.
 * Aborting `signal` cancels the read at once (and so closes the connection).
 */
async function readBody(response: Response, signal: AbortSignal, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  if (!response.body) throw new MalformedResponseError('the answer has no body');
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  let done = false;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        throw new ResponseBodyError('the connection failed while the answer was read', { cause: error });
      }
      if (signal.aborted) throw new ResponseBodyError('the read was aborted', { cause: signal.reason });
      if (next.done) {
        done = true;
        return;
      }
      parsed(() => onChunk(next.value));
    }
  } finally {
    signal.removeEventListener('abort', cancel);
    if (!done) cancel();
  }
}

/** Runs a parsing step, turning a parser's `SyntaxError` into a {@link MalformedResponseError}. */
function parsed<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof SyntaxError) throw new MalformedResponseError(`not valid JSON (${error.message})`, { cause: error });
    throw error;
  }
}

/** The most image bytes a body of this length can hold; 0 when the length is unknown or compressed. */
function imageSizeHint(response: Response): number {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding !== 'identity') return 0;
  const length = Number(response.headers.get('content-length'));
  // Every 4 base64 characters hold 3 bytes; the rest of the JSON only makes this an overestimate.
  return Number.isSafeInteger(length) && length > 0 ? Math.ceil((length * 3) / 4) : 0;
}
