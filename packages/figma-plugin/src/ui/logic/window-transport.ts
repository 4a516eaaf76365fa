import type { Transport } from '../../protocol/transport';

/**
 * The protocol's transport inside Figma's UI iframe: messages to main go to the parent wrapped as
 * `{ pluginMessage }`, and main's messages arrive as `event.data.pluginMessage`. Other messages
 * (none are expected) are not protocol messages and are left alone.
 */
export function windowTransport(win: Window): Transport {
  return {
    post: (message) => win.parent.postMessage({ pluginMessage: message }, '*'),
    listen: (listener) => {
      const handler = (event: MessageEvent<unknown>): void => {
        const data = event.data;
        if (typeof data === 'object' && data !== null && 'pluginMessage' in data) listener(data.pluginMessage);
      };
      win.addEventListener('message', handler);
      return () => win.removeEventListener('message', handler);
    },
  };
}
