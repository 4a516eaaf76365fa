/**
 * The webview's side of the protocol: typed posting to the host, and a listener that checks every
 * incoming message (unknown names and bad payloads are logged as errors, never acted on) with the
 * zod-free `checkHostMessage`.
 */
import type { HostMessage, WebviewMessage } from '../protocol';
import { checkHostMessage } from './host-message-check';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The channel to the host; made once by `main.tsx` (acquireVsCodeApi may be called only once). */
export interface HostChannel {
  post(message: WebviewMessage): void;
  /** Calls `listener` with each valid message; returns the unsubscribe function. */
  listen(listener: (message: HostMessage) => void): () => void;
  /** What the webview stored with `saveState`, kept while the view is hidden or reloaded. */
  loadState(): unknown;
  saveState(state: unknown): void;
}

export function connectToHost(): HostChannel {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    loadState: () => api.getState(),
    saveState: (state) => api.setState(state),
    listen(listener) {
      const onMessage = (event: MessageEvent<unknown>): void => {
        const parsed = checkHostMessage(event.data);
        if (parsed.ok) listener(parsed.message);
        else console.error(`GPT Image view: refused a message from the host: ${parsed.error}`);
      };
      window.addEventListener('message', onMessage);
      return () => window.removeEventListener('message', onMessage);
    },
  };
}
