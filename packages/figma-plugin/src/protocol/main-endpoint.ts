import { parseEnvelope, PROTOCOL_VERSION, requestIdOf, type NotificationEnvelope, type ResponseEnvelope } from './envelope';
import { isRequestName, REQUESTS, type NotificationName, type NotificationPayload, type RequestName, type RequestParams, type RequestResult } from './messages';
import { ProtocolError } from './protocol-error';
import type { Transport } from './transport';

/** What main does for each request: every name in the catalogue must have a handler (a type error otherwise). */
export type RequestHandlers = {
  readonly [N in RequestName]: (params: RequestParams<N>) => Promise<RequestResult<N>>;
};

/** Main's side of the protocol. */
export interface MainEndpoint {
  /** Sends the UI a notification; the payload type is the one the catalogue gives the name. */
  notify<N extends NotificationName>(name: N, payload: NotificationPayload<N>): void;
  /** Stops listening. */
  dispose(): void;
}

/** Options of `serveUi`. */
export interface MainEndpointOptions {
  /**
   * Called for every message that broke the protocol, after the UI was told (an error answer, or a
   * `problem` notification when the message had no usable id). @default logs with `console.error`
   */
  readonly onProblem?: (error: ProtocolError) => void;
}

/**
 * Serves the UI's requests: checks each message on arrival, runs its handler and answers with the
 * result or the error's message. Unknown names and malformed messages are answered with an error
 * (or reported as a `problem` notification), never dropped.
 */
export function serveUi(transport: Transport, handlers: RequestHandlers, options: MainEndpointOptions = {}): MainEndpoint {
  const onProblem = options.onProblem ?? ((error: ProtocolError) => console.error(`GPT Image: ${error.message}`));

  const notify = <N extends NotificationName>(name: N, payload: NotificationPayload<N>): void => {
    const envelope: NotificationEnvelope = { protocol: PROTOCOL_VERSION, kind: 'notification', name, payload };
    transport.post(envelope);
  };
  const respond = (envelope: ResponseEnvelope): void => transport.post(envelope);

  const handle = <N extends RequestName>(name: N, raw: unknown): Promise<RequestResult<N>> => {
    const params = REQUESTS[name].params(raw, 'params');
    return handlers[name](params);
  };

  const receive = async (message: unknown): Promise<void> => {
    let id: number | null = requestIdOf(message);
    try {
      const envelope = parseEnvelope(message);
      if (envelope.kind !== 'request') throw new ProtocolError(`main accepts only requests (got a ${envelope.kind})`);
      id = envelope.id;
      if (!isRequestName(envelope.name)) throw new ProtocolError(`"${envelope.name}" is not a request main knows`);
      const result = await handle(envelope.name, envelope.params);
      respond({ protocol: PROTOCOL_VERSION, kind: 'response', id, ok: true, result });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (id !== null) respond({ protocol: PROTOCOL_VERSION, kind: 'response', id, ok: false, error: text || 'failed' });
      else notify('problem', { message: `The plugin window sent a message the main thread could not read: ${text}` });
      if (error instanceof ProtocolError) onProblem(error);
    }
  };

  const stop = transport.listen((message) => void receive(message));
  return { notify, dispose: stop };
}
