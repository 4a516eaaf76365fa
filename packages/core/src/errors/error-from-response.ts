import type { ErrorKind } from './error-kinds';
import { GptImageError, type ErrorDetail } from './gpt-image-error';

/** What a provider said when it refused or failed, in its own words. */
export interface ProviderFailure {
  readonly provider: string;
  /** The HTTP status, or the `code` of a 200 envelope (kie sends errors both ways). */
  readonly status: number;
  /** A machine code from the body: OpenAI `error.code`, kie `failCode`. */
  readonly code?: string | null;
  readonly message?: string | null;
  readonly requestId?: string | null;
}

/** Provider codes that mean the content was refused, whatever the status says. */
const CONTENT_POLICY_CODES = new Set(['moderation_blocked', 'content_policy_violation', 'content_filter', 'sensitive_content']);

/**
 * The one mapping from a provider's status or code to an error kind a user can act on (SPEC 6).
 * The provider's own message and request id are kept as detail; the user-facing sentence is ours.
 */
export function kindForFailure(failure: ProviderFailure): ErrorKind {
  const code = failure.code?.toLowerCase() ?? '';
  if (CONTENT_POLICY_CODES.has(code) || /moderation|flagged|content polic|safety system/i.test(failure.message ?? '')) return 'content_policy';
  switch (failure.status) {
    case 401:
    case 403:
      return 'auth';
    case 402:
      return 'insufficient_credits';
    case 408:
      return 'timeout';
    case 429:
    case 433: // kie: request limit reached
      return 'rate_limited';
    case 400:
    case 404:
    case 409:
    case 413:
    case 415:
    case 422:
      return 'invalid_request';
    default:
      return failure.status >= 500 || failure.status === 455 ? 'provider_failure' : 'invalid_request';
  }
}

const SENTENCES: Readonly<Record<ErrorKind, string>> = {
  invalid_input: 'The options are invalid.',
  auth: 'The provider did not accept the API key.',
  insufficient_credits: 'The provider account does not have enough credits or funds.',
  rate_limited: 'The provider is rate limiting requests.',
  content_policy: "The provider's content moderation refused this request.",
  invalid_request: 'The provider refused the request as invalid.',
  timeout: 'The provider did not answer in time.',
  provider_failure: 'The provider failed to generate the image.',
  network: 'The provider could not be reached.',
  output: 'The image could not be saved.',
  cancelled: 'Cancelled.',
  internal: 'Something unexpected failed.',
};

/** A typed error for a provider failure: our sentence, then the provider's words in brackets. */
export function errorFromFailure(failure: ProviderFailure, cause?: unknown): GptImageError {
  const kind = kindForFailure(failure);
  const detail: ErrorDetail = {
    status: failure.status,
    ...(failure.message ? { providerMessage: failure.message } : {}),
    ...(failure.code ? { providerCode: failure.code } : {}),
    ...(failure.requestId ? { requestId: failure.requestId } : {}),
  };
  const said = failure.message ? ` ${failure.provider} said: "${failure.message}"` : ` ${failure.provider} answered ${failure.status}.`;
  return new GptImageError(kind, `${SENTENCES[kind]}${said}`, { detail, ...(cause === undefined ? {} : { cause }) });
}
