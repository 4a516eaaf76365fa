import { parseEnvelope, PROTOCOL_VERSION, type RequestEnvelope, type ResponseEnvelope } from './envelope';
import {
  isNotificationName, NOTIFICATIONS, REQUESTS,
  type NotificationName, type NotificationPayload, type RequestName, type RequestParams, type RequestResult,
} from './messages';
import { ProtocolError } from './protocol-error';
import type { Transport } from './transport';

/** Main answered a request with an error; the message is meant for the user. */
export class RequestFailedError extends Error {
  override readonly name = 'RequestFailedError';
  constructor(readonly request: RequestName, message: string) {
    super(message);
  }
}

/** The UI's side of the protocol. */
export interface UiEndpoint {
  /** Asks main and resolves with its checked answer; rejects with `RequestFailedError` or `ProtocolError`. */
  request<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>>;
  /** Listens to one notification; returns the function that stops listening. */
  on<N extends NotificationName>(name: N, listener: (payload: NotificationPayload<N>) => void): () => void;
  /** Stops listening and rejects every request still waiting. */
  dispose(): void;
}

/** Options of `connectToMain`. */
export interface UiEndpointOptions {
  /** Called for every message from main that broke the protocol (unknown name, bad payload). Required: nothing is dropped silently. */
  readonly onProblem: (error: ProtocolError) => void;
}

type Listeners = { [N in NotificationName]: Set<(payload: NotificationPayload<N>) => void> };

interface Waiting {
  settle(envelope: ResponseEnvelope): void;
  abandon(error: Error): void;
}

/** Connects the UI to main: typed requests with answers, typed notifications, all checked on arrival. */
export function connectToMain(transport: Transport, options: UiEndpointOptions): UiEndpoint {
  const listeners: Listeners = { selection: new Set(), problem: new Set() };
  const waiting = new Map<number, Waiting>();
  let nextId = 1;

  const deliver = <N extends NotificationName>(name: N, raw: unknown): void => {
    const payload = NOTIFICATIONS[name](raw, `${name}.payload`);
    for (const listener of listeners[name]) listener(payload);
  };

  const receive = (message: unknown): void => {
    try {
      const envelope = parseEnvelope(message);
      if (envelope.kind === 'request') throw new ProtocolError('the UI does not serve requests');
      if (envelope.kind === 'notification') {
        if (!isNotificationName(envelope.name)) throw new ProtocolError(`"${envelope.name}" is not a notification the UI knows`);
        deliver(envelope.name, envelope.payload);
        return;
      }
      const entry = waiting.get(envelope.id);
      if (!entry) throw new ProtocolError(`an answer to request ${envelope.id}, which is not waiting`);
      waiting.delete(envelope.id);
      entry.settle(envelope);
    } catch (error) {
      options.onProblem(error instanceof ProtocolError ? error : new ProtocolError(String(error)));
    }
  };

  const request = <N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>> =>
    new Promise((resolve, reject) => {
      // Checked here too, so a mistake shows at the call site rather than as main's answer.
      REQUESTS[name].params(params, 'params');
      const id = nextId++;
      waiting.set(id, {
        settle: (envelope) => {
          if (!envelope.ok) return reject(new RequestFailedError(name, envelope.error));
          try {
            resolve(REQUESTS[name].result(envelope.result, `${name}.result`));
          } catch (error) {
            if (error instanceof ProtocolError) options.onProblem(error);
            reject(error);
          }
        },
        abandon: reject,
      });
      const envelope: RequestEnvelope = { protocol: PROTOCOL_VERSION, kind: 'request', id, name, params };
      transport.post(envelope);
    });

  const on = <N extends NotificationName>(name: N, listener: (payload: NotificationPayload<N>) => void): (() => void) => {
    // The table is keyed by name, so this set holds exactly this name's listeners.
    const set: Set<(payload: NotificationPayload<N>) => void> = listeners[name];
    set.add(listener);
    return () => set.delete(listener);
  };

  const stop = transport.listen(receive);
  const dispose = (): void => {
    stop();
    for (const entry of waiting.values()) entry.abandon(new Error('the connection to the main thread was closed'));
    waiting.clear();
  };
  return { request, on, dispose };
}
