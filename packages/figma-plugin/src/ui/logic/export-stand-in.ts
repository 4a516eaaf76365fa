import { referencePixels } from '../../protocol/reference-size';
import type { SelectedNode } from '../../protocol/shapes';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IHDR = [0x49, 0x48, 0x44, 0x52];

/**
 * What a selected node will be sent as, for checking and pricing the request before anything is
 * exported: the start of a PNG whose header states the size main will export the node at (see
 * `reference-size.ts`). Core reads a reference's pixel size from that header, and the model
 * vendor bills a reference by it, so the cost shown is the cost of the real export — a thumbnail
 * would price every frame as a 96 px image. Header only (no pixels, no checksum): it is never
 * sent or decoded; the export replaces it on Generate.
 *
 * Figma exports what a node renders, so a drop shadow or an outside stroke makes the export a few
 * pixels larger than the node's own size used here. The vendor bills references in 512 px tiles,
 * so that mostly changes nothing; at worst the charge counts one more row or column of tiles
 * than the estimate did.
 */
export function exportStandIn(node: Pick<SelectedNode, 'width' | 'height'>): Uint8Array {
  const { width, height } = node.width > 0 && node.height > 0 ? referencePixels(node.width, node.height) : { width: 1, height: 1 };
  const bytes = new Uint8Array(33);
  bytes.set(PNG_SIGNATURE, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, 13); // IHDR's data length
  bytes.set(IHDR, 12);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24); // 8-bit RGBA, as Figma exports
  return bytes;
}
