import type { APIError as SdkApiError } from 'openai';
import { errorFromFailure } from '../../errors/error-from-response';
import { GptImageError } from '../../errors/gpt-image-error';
import { cancelledError } from '../../internal/clock';
import type { AttemptFailure } from '../../policies/retry-policy';
import type { OpenAiSdk } from './openai-sdk';
import { describeCause, provesNothingSent } from '../../policies/connection-failure';
import { HIDDEN_KEY, redact } from '../../internal/redact';

/** The connection failed while the answer's body was being read: the request had gone out. */
export class ResponseBodyError extends Error {
  override readonly name = 'ResponseBodyError';
}

/** A 200 answer whose body is not the documented JSON or event stream. */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
}

/** An `error` event inside a 200 event stream (the generation failed after it started). */
export class StreamFailureError extends Error {
  override readonly name = 'StreamFailureError';
  readonly code: string | null;
  readonly type: string | null;

  constructor(message: string, code: string | null, type: string | null) {
    super(message);
    this.code = code;
    this.type = type;
  }
}

/** What is known about one attempt when it failed, beyond the error itself. */
export interface AttemptCircumstances {
  readonly sdk: OpenAiSdk;
  /** The caller's signal: aborted means cancelled. */
  readonly signal: AbortSignal;
  /** True when the attempt's own deadline ended it. */
  readonly timedOut: boolean;
  readonly timeoutMs: number;
  readonly apiKey: string;
  readonly baseUrl: string;
}

/**
 * How an attempt failed, for the retry policy. Only a refusal (a status) or a connection that was
 * never opened is safe to repeat for a paid request; everything after the request went out —
 * a timeout, a reset, an unreadable body — may already be billed.
 */
export function attemptFailure(error: unknown, at: AttemptCircumstances): AttemptFailure {
  if (at.timedOut || error instanceof ResponseBodyError) return { type: 'interrupted' };
  const { sdk } = at;
  if (error instanceof sdk.APIConnectionTimeoutError) return { type: 'interrupted' };
  if (error instanceof sdk.APIUserAbortError) return { type: 'other' };
  if (error instanceof sdk.APIConnectionError) return provesNothingSent(error) ? { type: 'unreachable' } : { type: 'interrupted' };
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    return error.headers ? { type: 'status', status: error.status, headers: error.headers } : { type: 'status', status: error.status };
  }
  return { type: 'other' };
}

/** The typed error a user sees for a failed attempt; the key never appears in it. */
export function openAiError(error: unknown, at: AttemptCircumstances): GptImageError {
  if (at.signal.aborted) return cancelledError(at.signal);
  if (error instanceof GptImageError) return error;
  const { sdk } = at;
  const hide = (text: string) => hideKey(text, at.apiKey);
  if (at.timedOut || error instanceof sdk.APIConnectionTimeoutError) {
    return new GptImageError(
      'timeout',
      `OpenAI did not finish answering within ${duration(at.timeoutMs)}. The request may still have been billed; it was not sent again, so it cannot be charged twice.`,
      { cause: error },
    );
  }
  if (error instanceof ResponseBodyError) {
    return new GptImageError(
      'network',
      `The connection to OpenAI broke while the image was arriving (${hide(describeCause(error))}). The request may have been billed; it was not sent again, so it cannot be charged twice.`,
      { cause: safeCause(error, at.apiKey) },
    );
  }
  if (error instanceof MalformedResponseError) {
    return new GptImageError(
      'provider_failure',
      `OpenAI's answer could not be read: ${hide(error.message)}. The request was probably billed; it was not sent again.`,
      { cause: safeCause(error, at.apiKey) },
    );
  }
  if (error instanceof StreamFailureError) {
    const status = error.type === 'invalid_request_error' ? 400 : 500;
    return errorFromFailure({ provider: 'OpenAI', status, code: error.code, message: hide(error.message) }, safeCause(error, at.apiKey));
  }
  if (error instanceof sdk.APIUserAbortError) return cancelledError(at.signal);
  if (error instanceof sdk.APIConnectionError) {
    if (provesNothingSent(error)) {
      return new GptImageError('network', `OpenAI could not be reached at ${hostOf(at.baseUrl)} (${describeCause(error)}); nothing was sent.`, { cause: safeCause(error, at.apiKey) });
    }
    return new GptImageError(
      'network',
      `The connection to OpenAI failed after the request was sent (${hide(describeCause(error))}). The request may have been billed; it was not sent again, so it cannot be charged twice.`,
      { cause: safeCause(error, at.apiKey) },
    );
  }
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    return errorFromFailure(
      { provider: 'OpenAI', status: error.status, code: error.code ?? null, message: hide(providerMessage(error)), requestId: error.requestID ?? null },
      safeCause(error, at.apiKey),
    );
  }
  if (error instanceof sdk.OpenAIError) {
    return new GptImageError('internal', `The OpenAI SDK failed: ${hide(error.message)}`, { cause: safeCause(error, at.apiKey) });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GptImageError('internal', `The OpenAI request failed unexpectedly: ${hide(message)}`, { cause: safeCause(error, at.apiKey) });
}

/**
 * The text with the key, and anything shaped like an OpenAI key, replaced. Some gateways echo the
 * key they refused ("Incorrect API key provided: sk-…"); the user must never see it in a log.
 */
export function hideKey(text: string, apiKey: string): string {
  const out = redact(text, [apiKey]);
  // Whole keys, and masked echoes such as `sk-proj-****abcd` or `****abcd`: even a key's last
  // characters do not belong in a log.
  return out.replace(/\bsk-[\w*-]{6,}|\*{3,}[\w-]{0,8}/g, HIDDEN_KEY);
}





/** The provider's own words: the `error.message` of the body, else the SDK's summary. */
function providerMessage(error: SdkApiError): string {
  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') return body.message;
  return error.message;
}

/** The error to keep as `cause`: itself, unless its message holds the key. */
function safeCause(error: unknown, apiKey: string): unknown {
  if (!(error instanceof Error)) return error;
  const text = `${error.message} ${describeCause(error)}`;
  return hideKey(text, apiKey) === text ? error : new Error(hideKey(error.message, apiKey));
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${Math.round(ms / 100) / 10} s`;
  return `${ms} ms`;
}
