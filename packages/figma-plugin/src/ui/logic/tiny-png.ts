/**
 * A valid 1x1 PNG: stands in for a selected node without a thumbnail when the form checks and
 * prices the request before anything is exported (the real bytes replace it on Generate).
 */
export const TINY_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
