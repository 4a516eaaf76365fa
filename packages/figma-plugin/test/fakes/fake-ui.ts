import type { Transport } from '../../src/protocol/transport';

type MessageHandler = (message: unknown, props: { readonly origin: string }) => void;

/**
 * `figma.ui` between the main thread and the plugin window
 * (https://developers.figma.com/docs/plugins/api/figma-ui): `postMessage` goes to the window,
 * `on('message')` hears what the window posts. Both directions are asynchronous and copy the data
 * (structured clone: a Uint8Array arrives as a Uint8Array), as the iframe boundary does.
 * `windowSide` is the transport a UI endpoint in the test uses.
 */
export class FakeUi {
  /** Every message main posted, in order, as the window received it. */
  readonly posted: unknown[] = [];
  visible = true;
  private readonly mainHandlers = new Set<MessageHandler>();
  private readonly windowListeners = new Set<(message: unknown) => void>();

  onmessage: MessageHandler | undefined = undefined;

  postMessage(message: unknown): void {
    const copy = structuredClone(message);
    setTimeout(() => {
      this.posted.push(copy);
      for (const listener of this.windowListeners) listener(copy);
    }, 0);
  }

  on(type: 'message', handler: MessageHandler): void {
    if (type === 'message') this.mainHandlers.add(handler);
  }

  off(type: 'message', handler: MessageHandler): void {
    if (type === 'message') this.mainHandlers.delete(handler);
  }

  once(type: 'message', handler: MessageHandler): void {
    const wrapped: MessageHandler = (message, props) => {
      this.off(type, wrapped);
      handler(message, props);
    };
    this.on(type, wrapped);
  }

  show(): void {
    this.visible = true;
  }

  hide(): void {
    this.visible = false;
  }

  close(): void {
    this.visible = false;
    this.mainHandlers.clear();
  }

  /** Posts from the window to main, as `parent.postMessage({ pluginMessage }, '*')` would. */
  sendFromWindow(message: unknown): void {
    const copy = structuredClone(message);
    setTimeout(() => {
      this.onmessage?.(copy, { origin: 'null' });
      for (const handler of this.mainHandlers) handler(copy, { origin: 'null' });
    }, 0);
  }

  /** The window's end, for `connectToMain`. */
  readonly windowSide: Transport = {
    post: (message) => this.sendFromWindow(message),
    listen: (listener) => {
      this.windowListeners.add(listener);
      return () => this.windowListeners.delete(listener);
    },
  };
}
