/**
 * A failure the user can act on, with a message written for them (it is shown in the plugin
 * window and in Figma's toast as is). Anything else that is thrown is a bug.
 */
export class PluginError extends Error {
  override readonly name = 'PluginError';
}
