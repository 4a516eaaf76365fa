/** The longer side of a thumbnail, in pixels: enough for a list row, small enough to store many. */
export const THUMBNAIL_SIDE = 96;

/**
 * A small PNG of a node: its longer side constrained to 96 px (a WIDTH constraint alone would make a
 * tall, narrow frame thousands of pixels high). Null when the node cannot be exported (no size).
 */
export async function exportThumbnail(node: SceneNode): Promise<Uint8Array | null> {
  if (!(node.width > 0 && node.height > 0)) return null;
  try {
    return await node.exportAsync({
      format: 'PNG',
      constraint: { type: node.height > node.width ? 'HEIGHT' : 'WIDTH', value: THUMBNAIL_SIDE },
    });
  } catch {
    return null;
  }
}
