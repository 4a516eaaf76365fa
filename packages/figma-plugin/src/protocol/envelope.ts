import { isPlainObject, number, oneOf, string } from './checks';
import { ProtocolError } from './protocol-error';

/** Tags every message, so a message from anything else (or an older build) is recognised as such. */
export const PROTOCOL_VERSION = 'gpt-image/1';

/** UI → main: a request main must answer. */
export interface RequestEnvelope {
  readonly protocol: typeof PROTOCOL_VERSION;
  readonly kind: 'request';
  readonly id: number;
  readonly name: string;
  readonly params: unknown;
}

/** main → UI: the answer to request `id`. */
export type ResponseEnvelope =
  | { readonly protocol: typeof PROTOCOL_VERSION; readonly kind: 'response'; readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly protocol: typeof PROTOCOL_VERSION; readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: string };

/** main → UI: something the UI did not ask for. */
export interface NotificationEnvelope {
  readonly protocol: typeof PROTOCOL_VERSION;
  readonly kind: 'notification';
  readonly name: string;
  readonly payload: unknown;
}

export type Envelope = RequestEnvelope | ResponseEnvelope | NotificationEnvelope;

const requestId = number({ min: 0, max: Number.MAX_SAFE_INTEGER, integer: true });
const messageName = string({ min: 1, max: 100 });
const kind = oneOf(['request', 'response', 'notification']);

/** Reads the envelope of a message; its payload is checked later, against the catalogue. */
export function parseEnvelope(message: unknown): Envelope {
  if (!isPlainObject(message)) throw new ProtocolError('a message must be an object with a protocol tag');
  if (message['protocol'] !== PROTOCOL_VERSION) {
    throw new ProtocolError(`message.protocol must be "${PROTOCOL_VERSION}" (got ${JSON.stringify(message['protocol']) ?? 'nothing'})`);
  }
  const allowed = { request: ['id', 'name', 'params'], response: ['id', 'ok', 'result', 'error'], notification: ['name', 'payload'] } as const;
  const k = kind(message['kind'], 'message.kind');
  for (const key of Object.keys(message)) {
    if (key !== 'protocol' && key !== 'kind' && !(allowed[k] as readonly string[]).includes(key)) {
      throw new ProtocolError(`message.${key} is not an expected field of a ${k}`);
    }
  }
  switch (k) {
    case 'request':
      return { protocol: PROTOCOL_VERSION, kind: k, id: requestId(message['id'], 'message.id'), name: messageName(message['name'], 'message.name'), params: message['params'] };
    case 'notification':
      return { protocol: PROTOCOL_VERSION, kind: k, name: messageName(message['name'], 'message.name'), payload: message['payload'] };
    case 'response': {
      const id = requestId(message['id'], 'message.id');
      if (message['ok'] === true) return { protocol: PROTOCOL_VERSION, kind: k, id, ok: true, result: message['result'] };
      if (message['ok'] === false) return { protocol: PROTOCOL_VERSION, kind: k, id, ok: false, error: string({ min: 1, max: 10_000 })(message['error'], 'message.error') };
      throw new ProtocolError('message.ok must be true or false');
    }
  }
}

/** The id of a request that failed to parse, when it has a usable one, so main can still answer it. */
export function requestIdOf(message: unknown): number | null {
  if (!isPlainObject(message) || message['kind'] !== 'request') return null;
  const id = message['id'];
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : null;
}
