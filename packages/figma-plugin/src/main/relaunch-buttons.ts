/**
 * The relaunch buttons: the manifest declares them (name shown on the button), each result sets
 * them with a description (shown under the button). Figma refuses a relaunch command the manifest
 * does not list, so both come from this one table.
 */
export const RELAUNCH_BUTTONS = [
  { command: 'regenerate', name: 'Regenerate', description: 'Run this prompt again with the same options and images.' },
  { command: 'edit', name: 'Edit again', description: 'Edit this image with a new prompt.' },
] as const;

export type RelaunchCommand = (typeof RELAUNCH_BUTTONS)[number]['command'];

/** The argument of `setRelaunchData`: command → description. */
export const RELAUNCH_DESCRIPTIONS: { readonly [C in RelaunchCommand]: string } = {
  regenerate: RELAUNCH_BUTTONS[0].description,
  edit: RELAUNCH_BUTTONS[1].description,
};

/** True for the commands a relaunch button starts the plugin with. */
export function isRelaunchCommand(command: string): command is RelaunchCommand {
  return RELAUNCH_BUTTONS.some((button) => button.command === command);
}
