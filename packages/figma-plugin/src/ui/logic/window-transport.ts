import type { Transport } from '../../protocol/transport';

/**
 * The protocol's transport inside Figma's UI iframe: messages to main go to the parent wrapped as
 * `{ pluginMessage }`, and main's messages arrive as `event.data.pluginMessage`. Other messages
 * (none are expected) are not protocol messages and are left alone.
 *
 * The sending window is not checked: Figma documents that main's messages arrive as `message`
 * events carrying `pluginMessage`, but not which window relays them, and a wrong guess would
 * silence the plugin. Every message that arrives is validated against the protocol instead, and
 * an answer is accepted only for a request this window made.
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
