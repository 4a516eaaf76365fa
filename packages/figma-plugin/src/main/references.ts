import { sniffImage } from '@gpt-image/core/contract';
import { MAX_IMAGE_BYTES } from '../protocol/limits';
import type { ExportedReference } from '../protocol/shapes';
import { PluginError } from './plugin-error';
import { MAX_REFERENCE_SIDE, referenceScale } from '../protocol/reference-size';

export { referenceScale } from '../protocol/reference-size';

/**
 * Exports a node as a PNG reference within the providers' limits: the scale comes from the node's
 * size; the bytes are then checked (Figma rounds pixel sizes, and a noisy 2048² PNG could in
 * principle pass 50 MB), and the export is redone smaller until both limits hold.
 */
export async function exportReference(node: SceneNode): Promise<ExportedReference> {
  if (!(node.width > 0 && node.height > 0)) throw new PluginError(`"${node.name}" has no area to export as an image.`);
  let scale = referenceScale(node.width, node.height);
  for (let attempt = 0; attempt < 4; attempt++) {
    const bytes = await node.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: scale } });
    const info = sniffImage(bytes);
    if (!info) throw new PluginError(`Figma exported "${node.name}" in a form that is not a PNG image.`);
    const longest = Math.max(info.width, info.height);
    if (longest <= MAX_REFERENCE_SIDE && bytes.byteLength <= MAX_IMAGE_BYTES) {
      return { nodeId: node.id, name: node.name, bytes, mediaType: 'image/png', width: info.width, height: info.height, scale };
    }
    const shrink = Math.min(MAX_REFERENCE_SIDE / longest, Math.sqrt(MAX_IMAGE_BYTES / bytes.byteLength)) * 0.98;
    scale *= shrink;
  }
  throw new PluginError(`"${node.name}" could not be exported within 2048 px and 50 MB.`);
}

/** Exports nodes by id, in the order given (the first is the one edited). */
export async function exportReferences(
  getNodeByIdAsync: (id: string) => Promise<BaseNode | null>,
  nodeIds: readonly string[],
): Promise<ExportedReference[]> {
  const references: ExportedReference[] = [];
  for (const id of nodeIds) {
    const node = await getNodeByIdAsync(id);
    if (!node || node.removed) throw new PluginError(`A selected layer (${id}) is no longer in the file; select the images again.`);
    if (!isExportable(node)) throw new PluginError(`"${node.name}" is not a layer that can be exported as an image.`);
    // One at a time: several 2048 px exports at once would hold them all in the sandbox's memory.
    references.push(await exportReference(node));
  }
  return references;
}

function isExportable(node: BaseNode): node is SceneNode {
  return node.type !== 'PAGE' && node.type !== 'DOCUMENT' && 'exportAsync' in node;
}
