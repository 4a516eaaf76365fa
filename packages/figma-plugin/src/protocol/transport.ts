/**
 * How messages move between the two sides, injected so each side (and the tests) brings its own:
 * main wraps `figma.ui.postMessage` / `figma.ui.on('message')`, the UI wraps `parent.postMessage`
 * and the window's `message` event.
 */
export interface Transport {
  post(message: unknown): void;
  /** Starts delivering incoming messages to `listener`; returns the function that stops it. */
  listen(listener: (message: unknown) => void): () => void;
}
