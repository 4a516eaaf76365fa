/** True for a layer on a page: anything but the document and its pages. */
export function isSceneNode(node: BaseNode): node is SceneNode {
  return node.type !== 'PAGE' && node.type !== 'DOCUMENT';
}

/** The layer with this id if it is still in the file (ids of removed or non-layer nodes give null). */
export async function layerById(getNodeByIdAsync: (id: string) => Promise<BaseNode | null>, id: string): Promise<SceneNode | null> {
  const node = await getNodeByIdAsync(id);
  return node && !node.removed && isSceneNode(node) ? node : null;
}
