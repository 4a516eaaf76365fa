import type { LaunchCommand, Prefill } from '../protocol/shapes';
import { readProvenance } from './provenance';
import { isRelaunchCommand } from './relaunch-buttons';
import { layerById } from './scene-node';

/** How the plugin was started, as the UI needs to know it. */
export function launchCommandOf(command: string): LaunchCommand {
  return isRelaunchCommand(command) ? command : 'open';
}

/** What a relaunch button restores: the form's prefill, and the images the UI lists first. */
export interface Relaunch {
  readonly prefill: Prefill;
  /** In order, the first being edited: reported to the UI in place of the selection, once. */
  readonly images: readonly SceneNode[];
}

/**
 * For a relaunch button, from the first selected node that has provenance (the result):
 * - "Regenerate" lists the result's original images, in order, those still in the file (none: the
 *   prompt alone); the result itself is not one of them, it is what is being made again. None when
 *   the result was made in another file (`fileId` is not this file's): node ids repeat across
 *   files, so its ids would name unrelated layers here; older results, which do not say their
 *   file, are taken as this file's. None either when the edited image was a file from disk: the
 *   first image listed is the one edited, so a reference listed alone would be edited in its place
 *   (the UI's notice asks for the file, and the references, again).
 * - "Edit again" lists the result first, as the image being edited, then the rest of the selection.
 * Null when started otherwise or when no result is selected.
 */
export async function relaunchFor(
  command: LaunchCommand,
  selection: readonly SceneNode[],
  getNodeByIdAsync: (id: string) => Promise<BaseNode | null>,
  fileId: string,
): Promise<Relaunch | null> {
  if (command === 'open') return null;
  for (const node of selection) {
    const provenance = readProvenance(node);
    if (!provenance) continue;
    const prefill = { command, resultNodeId: node.id, provenance, sourcesGone: 0, sourcesElsewhere: false };
    if (command === 'edit') {
      return { prefill, images: [node, ...selection.filter((other) => other !== node)] };
    }
    if (provenance.fileId && provenance.fileId !== fileId) return { prefill: { ...prefill, sourcesElsewhere: true }, images: [] };
    if (provenance.edited === 'file') return { prefill, images: [] };
    const sources = await layersStillThere(getNodeByIdAsync, provenance.sourceNodeIds);
    return { prefill: { ...prefill, sourcesGone: provenance.sourceNodeIds.length - sources.length }, images: sources };
  }
  return null;
}

/** The layers of these ids that are still in the file, in the order given. */
async function layersStillThere(getNodeByIdAsync: (id: string) => Promise<BaseNode | null>, ids: readonly string[]): Promise<SceneNode[]> {
  const found: SceneNode[] = [];
  for (const id of ids) {
    const node = await layerById(getNodeByIdAsync, id);
    if (node) found.push(node);
  }
  return found;
}
