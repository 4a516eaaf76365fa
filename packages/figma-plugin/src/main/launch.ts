import type { LaunchCommand, Prefill } from '../protocol/shapes';
import { readProvenance } from './provenance';
import { isRelaunchCommand } from './relaunch-buttons';

/** How the plugin was started, as the UI needs to know it. */
export function launchCommandOf(command: string): LaunchCommand {
  return isRelaunchCommand(command) ? command : 'open';
}

/**
 * For a relaunch button ("Regenerate", "Edit again"): the provenance of the first selected node
 * that has one, for the UI to fill in. Null when started otherwise or when no result is selected.
 */
export function prefillFor(command: LaunchCommand, selection: readonly SceneNode[]): Prefill | null {
  if (command === 'open') return null;
  for (const node of selection) {
    const provenance = readProvenance(node);
    if (provenance) return { command, resultNodeId: node.id, provenance };
  }
  return null;
}
