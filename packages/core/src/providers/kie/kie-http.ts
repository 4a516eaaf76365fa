import { GptImageError } from '../../errors/gpt-image-error';
import { cancelledError } from '../../internal/clock';
import type { AttemptFailure } from '../../policies/retry-policy';
import type { TaskContext } from '../../tasks/provider-runtime';
import { parseEnvelope } from './kie-envelope';
import { describeCause, provesNothingSent } from '../../policies/connection-failure';

/**
 * One HTTP exchange with kie and the ways it can fail, told apart as the retry policy needs them:
 * refused with a status (or a code in a 200 envelope), never connected, cut off after sending, or
 * answered with something unreadable.
 */

/** kie refused: an HTTP status, or a code in the envelope of a 200. */
export class KieStatusError extends Error {
  override readonly name = 'KieStatusError';
  constructor(
    readonly status: number,
    readonly providerMessage: string | null,
    readonly headers: Headers,
  ) {
    super(`kie answered ${status}${providerMessage ? `: ${providerMessage}` : ''}`);
  }
}

/** The exchange failed in transit. */
export class KieTransportError extends Error {
  override readonly name = 'KieTransportError';
  constructor(
    /** `connect`: no answer at all; `body`: the answer broke off; `timeout`: it took too long. */
    readonly stage: 'connect' | 'body' | 'timeout',
    /** True only when the failure proves the request never left (refused, no such host). */
    readonly nothingSent: boolean,
    /** A short cause for messages, e.g. `ECONNRESET`. */
    readonly reason: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${stage}: ${reason}`, options);
  }
}

/** A 2xx answer whose body is not the JSON kie documents. */
export class KieMalformedError extends Error {
  override readonly name = 'KieMalformedError';
}

/** How an exchange failed, for `withRetries`. Reading an unreadable answer again is the caller's call. */
export function attemptFailure(error: unknown): AttemptFailure {
  if (error instanceof KieStatusError) return { type: 'status', status: error.status, headers: error.headers };
  if (error instanceof KieTransportError) return error.nothingSent ? { type: 'unreachable' } : { type: 'interrupted' };
  // The answer arrived but could not be read: the request was handled, so for a paid request it
  // may be billed (not repeated), and a free one may simply be asked again.
  if (error instanceof KieMalformedError) return { type: 'interrupted' };
  return { type: 'other' };
}

/** An answer read to its end. */
export interface KieAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Uint8Array;
}

/**
 * Sends one request and reads the whole answer. Aborting `context.signal` throws `cancelled`;
 * `timeoutMs` bounds the whole exchange (a real-time bound: it is the network that is slow).
 */
export async function exchange(context: TaskContext, url: string, init: RequestInit, timeoutMs: number): Promise<KieAnswer> {
  const { signal } = context;
  if (signal.aborted) throw cancelledError(signal);
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const fail = (stage: 'connect' | 'body', error: unknown): Error => {
    if (signal.aborted) return cancelledError(signal);
    // The host's own fetch refused the request with a typed reason (the Figma plugin refuses hosts
    // its manifest does not allow): a decision, not a network failure, so it is final as it is.
    if (error instanceof GptImageError) return error;
    if (timedOut) return new KieTransportError('timeout', false, `no complete answer within ${Math.round(timeoutMs / 1000)} s`, { cause: error });
    const nothingSent = stage === 'connect' && provesNothingSent(error);
    return new KieTransportError(stage, nothingSent, describeCause(error), { cause: error });
  };
  try {
    let response: Response;
    try {
      response = await context.fetch(url, { ...init, signal: controller.signal });
    } catch (error) {
      throw fail('connect', error);
    }
    try {
      return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      throw fail('body', error);
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/** The JSON of an answer's body; throws `KieMalformedError` when there is none. */
export function readJson(answer: KieAnswer): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(answer.bytes));
  } catch {
    throw new KieMalformedError(`the answer (HTTP ${answer.status}, ${answer.bytes.length} bytes) is not valid JSON`);
  }
}

/**
 * The `data` of a task-API answer. A refusal in the status line or as a code in a 200 envelope
 * both become a `KieStatusError`, with the envelope's code and message when the body has them.
 */
export function envelopeData(answer: KieAnswer): unknown {
  const ok = answer.status >= 200 && answer.status < 300;
  let json: unknown;
  try {
    json = readJson(answer);
  } catch (error) {
    if (!ok) throw new KieStatusError(answer.status, null, answer.headers);
    throw error;
  }
  const envelope = parseEnvelope(json);
  if (!ok) {
    const code = envelope && envelope.code !== 200 ? envelope.code : answer.status;
    throw new KieStatusError(code, envelope?.msg ?? null, answer.headers);
  }
  if (!envelope) throw new KieMalformedError('the answer is not a {code, msg, data} envelope');
  if (envelope.code !== 200) throw new KieStatusError(envelope.code, envelope.msg ?? null, answer.headers);
  return envelope.data;
}



