/**
 * A message that broke the protocol: an unknown name, a missing or mistyped field, a value out of
 * range. Its message names the field (`params.nodeIds[3]`) and what was wrong, so a mismatch between
 * the two sides of the plugin is found at once instead of surfacing later as an odd canvas.
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}
