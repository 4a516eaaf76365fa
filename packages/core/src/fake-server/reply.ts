/**
 * What a route handler returns: a whole body, or a server-sent-event stream with a delay before
 * each event. Handlers decide what to say; `sendReply` decides how it travels (and breaks it on
 * purpose when a transport fault asks).
 */

/** A complete answer. */
export interface BodyReply {
  readonly kind: 'body';
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** One event of a stream, written `delayMs` after the previous one. */
export interface StreamEvent {
  readonly delayMs: number;
  /** The event's full text, including `event:`/`data:` lines and the blank line that ends it. */
  readonly text: string;
}

/** A `text/event-stream` answer. */
export interface StreamReply {
  readonly kind: 'stream';
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly events: readonly StreamEvent[];
}

export type Reply = BodyReply | StreamReply;

/** A JSON answer. */
export function jsonReply(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): BodyReply {
  return {
    kind: 'body',
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: new TextEncoder().encode(JSON.stringify(value)),
  };
}

/** Raw bytes of some media type. */
export function bytesReply(status: number, body: Uint8Array, contentType: string): BodyReply {
  return { kind: 'body', status, headers: { 'content-type': contentType }, body };
}

/** One server-sent event in the form the openai SDK parses: an `event:` line and a JSON `data:` line. */
export function sseEvent(delayMs: number, type: string, data: unknown): StreamEvent {
  return { delayMs, text: `event: ${type}\ndata: ${JSON.stringify(data)}\n\n` };
}

/** `retry-after` (seconds) and `retry-after-ms` headers, for the ones a fault asks for. */
export function retryHeaders(fault: { readonly retryAfter?: number | undefined; readonly retryAfterMs?: number | undefined }): Record<string, string> {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  return headers;
}

/**
 * The error message a reply carries, for the request log: the vendor error's `message`, a kie or
 * upload envelope's `msg` when its code is not 200, or the text of a plain error body.
 */
export function errorMessageOf(reply: Reply): string | undefined {
  if (reply.kind !== 'body') return undefined;
  const text = new TextDecoder().decode(reply.body);
  if (!(reply.headers['content-type'] ?? '').startsWith('application/json')) return reply.status >= 400 ? text : undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if ('error' in value && value.error !== null && typeof value.error === 'object' && 'message' in value.error) {
    return String(value.error.message);
  }
  const failed = ('code' in value && value.code !== 200) || ('success' in value && value.success === false);
  return failed && 'msg' in value ? String(value.msg) : undefined;
}
