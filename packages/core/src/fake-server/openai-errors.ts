/** Errors in the model vendor's shape: `{error: {message, type, param, code}}`. */
import { jsonReply, type BodyReply } from './reply';

/** The fields of a vendor error (plus extras such as `moderation_details`). */
export interface OpenAiErrorBody {
  readonly message: string;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
  readonly [extra: string]: unknown;
}

/** An error reply; every OpenAI reply carries an `x-request-id`. */
export function openAiError(status: number, error: OpenAiErrorBody, requestId: string, headers: Readonly<Record<string, string>> = {}): BodyReply {
  return jsonReply(status, { error }, { 'x-request-id': requestId, ...headers });
}

/** A 400 `invalid_request_error` about one parameter. */
export function invalidParam(param: string | null, message: string, code: string | null = null): OpenAiErrorBody {
  return { message, type: 'invalid_request_error', param, code };
}

/** What the vendor says for a status when a fault does not give its own message. */
export function errorForStatus(status: number, message?: string): OpenAiErrorBody {
  const preset = STATUS_ERRORS[status];
  if (preset) return message === undefined ? preset : { ...preset, message };
  return {
    message: message ?? `The server answered ${status}.`,
    type: status >= 500 ? 'server_error' : 'invalid_request_error',
    param: null,
    code: null,
  };
}

/** Wording and codes as the vendor's API sends them (messages shortened). */
const STATUS_ERRORS: Readonly<Record<number, OpenAiErrorBody>> = {
  401: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
  402: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' },
  403: { message: 'You are not allowed to use this model.', type: 'invalid_request_error', param: null, code: 'model_not_found' },
  429: { message: 'Rate limit reached for gpt-image-2 on images per minute. Please try again later.', type: 'requests', param: null, code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null },
  502: { message: 'Bad gateway.', type: 'server_error', param: null, code: null },
  503: { message: 'The server is overloaded or not ready yet.', type: 'server_error', param: null, code: null },
};

/**
 * A moderation refusal. `moderation_details.moderation_stage` says whether the prompt/input images
 * (`input`) or the generated image (`output`) was blocked.
 */
export function moderationBlocked(stage: 'input' | 'output', requestId: string): OpenAiErrorBody {
  return {
    message: `Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID ${requestId}.`,
    type: 'image_generation_user_error',
    param: null,
    code: 'moderation_blocked',
    moderation_details: { moderation_stage: stage },
  };
}
