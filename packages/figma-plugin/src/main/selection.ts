import { MAX_IMAGES } from '../protocol/limits';
import type { SelectedNode } from '../protocol/shapes';
import { exportThumbnail } from './thumbnail';

/**
 * The selection as the UI shows it, in selection order (`figma.currentPage.selection` keeps the
 * order the user selected in): the first node is the image being edited, the others references,
 * at most 16 in all, as the model takes.
 */
export async function describeSelection(selection: readonly SceneNode[]): Promise<SelectedNode[]> {
  return Promise.all(
    selection.slice(0, MAX_IMAGES).map(async (node) => ({
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
 * Reports the selection to the UI, dropping reports overtaken by a newer selection (thumbnails
 * take time, and a quick click-through must not end with an older selection shown).
 */
export function createSelectionReporter(
  currentSelection: () => readonly SceneNode[],
  send: (nodes: SelectedNode[], total: number) => void,
): () => Promise<void> {
  let latest = 0;
  return async () => {
    const report = ++latest;
    const selection = currentSelection();
    const nodes = await describeSelection(selection);
    if (report === latest) send(nodes, selection.length);
  };
}
