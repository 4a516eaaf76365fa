import { jsonReply, type BodyReply } from './reply';

/**
 * The codes kie documents for its task API, with the message the fake sends by default. Kept as
 * one table so a client's error mapping can be tested against every code.
 */
export const KIE_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  401: 'You do not have access permissions: the API key is missing or invalid',
  402: 'Insufficient credits',
  404: 'Not found',
  422: 'Validation error',
  429: 'Rate limited: too many requests',
  433: 'Sub-key usage limit exceeded',
  455: 'Service unavailable: system maintenance',
  500: 'Internal server error',
  501: 'Generation failed',
  505: 'This feature is disabled',
};

/** The default message for a code. */
export function kieMessage(code: number): string {
  return KIE_ERROR_MESSAGES[code] ?? `Error ${code}`;
}

/**
 * A kie error: `{code, msg, data: null}`. The vendor sends such codes inside an HTTP 200 as often
 * as in the status line (SPEC 3.3), so the scenario picks which one the fake does.
 */
export function kieError(
  code: number,
  msg: string,
  inStatusLine: boolean,
  headers: Readonly<Record<string, string>> = {},
): BodyReply {
  return jsonReply(inStatusLine ? code : 200, { code, msg, data: null }, headers);
}

/** A kie success: `{code: 200, msg: 'success', data}`. */
export function kieSuccess(data: unknown): BodyReply {
  return jsonReply(200, { code: 200, msg: 'success', data });
}
