import { MAX_IMAGES } from '../protocol/limits';
import type { SelectedNode } from '../protocol/shapes';
import { exportThumbnail } from './thumbnail';

/**
 * The nodes as the UI lists them, in the order given: the first is the image being edited, the
 * others references, at most 16 in all, as the model takes.
 */
export async function describeSelection(nodes: readonly SceneNode[]): Promise<SelectedNode[]> {
  return Promise.all(
    nodes.slice(0, MAX_IMAGES).map(async (node) => ({
      id: node.id,
      name: node.name,
      type: node.type,
      width: node.width,
      height: node.height,
      thumbnail: await exportThumbnail(node),
    })),
  );
}

/**
 * The selection in the order the user made it. Figma leaves the order of `page.selection`
 * unspecified, and which image is edited must not be arbitrary, so the order is kept here: call
 * this on every `selectionchange` (and whenever the selection is read). Nodes still selected keep
 * their place; newly selected ones are appended, in Figma's order among themselves (the best
 * known); a node deselected and selected again goes to the end. The first call keeps Figma's order,
 * as does a page change: a page's nodes are its own, and Figma reports a page change as a
 * selection change, so nothing of the previous page's order survives it.
 */
export function createSelectionOrder(): (page: PageNode) => SceneNode[] {
  let order: readonly string[] = [];
  return (page) => {
    const selection = page.selection;
    const byId = new Map(selection.map((node) => [node.id, node]));
    const kept = order.filter((id) => byId.has(id));
    const keptIds = new Set(kept);
    order = [...kept, ...selection.filter((node) => !keptIds.has(node.id)).map((node) => node.id)];
    const nodes: SceneNode[] = [];
    for (const id of order) {
      const node = byId.get(id);
      if (node) nodes.push(node);
    }
    return nodes;
  };
}

/**
 * Reports nodes to the UI, dropping reports overtaken by a newer one (thumbnails take time, and a
 * quick click-through must not end with an older selection shown).
 */
export function createSelectionReporter(send: (nodes: SelectedNode[], total: number) => void): (nodes: readonly SceneNode[]) => Promise<void> {
  let latest = 0;
  return async (nodes) => {
    const report = ++latest;
    const described = await describeSelection(nodes);
    if (report === latest) send(described, nodes.length);
  };
}
