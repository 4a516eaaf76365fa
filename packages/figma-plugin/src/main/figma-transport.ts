import type { Transport } from '../protocol/transport';

/** The protocol's transport over `figma.ui`: Figma delivers the UI's `pluginMessage` to `on('message')`. */
export function figmaTransport(ui: UIAPI): Transport {
  return {
    post: (message) => ui.postMessage(message),
    listen: (listener) => {
      const handler = (message: unknown): void => listener(message);
      ui.on('message', handler);
      return () => ui.off('message', handler);
    },
  };
}
