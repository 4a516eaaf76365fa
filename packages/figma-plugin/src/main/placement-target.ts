import { absoluteBox, boxIn, type Box } from './geometry';

/** A node new frames may be appended to without changing anything the user made. */
export type Container = PageNode | FrameNode | SectionNode;

/** Where a new frame goes: into `container`, beside `anchor` (a box in the container's coordinates). */
export interface PlacementTarget {
  readonly container: Container;
  readonly anchor: Box;
}

/**
 * Where to put a result for `source`. Normally beside the source, in the same parent, so it lands
 * in the same board. But a new child must never change what the user made:
 * - an auto-layout frame would re-flow (and resize) around it, so the result goes beside that
 *   frame, in the frame's own parent;
 * - groups, components and instances change or refuse with a new child, so likewise;
 * - a locked parent or ancestor means "leave this alone": the result goes on the page, beside the
 *   source's position on the canvas.
 */
export function placementBeside(source: SceneNode): PlacementTarget {
  const ancestors: BaseNode[] = [];
  for (let node = source.parent; node && node.type !== 'DOCUMENT'; node = node.parent) ancestors.push(node);
  const page = ancestors[ancestors.length - 1];
  if (!page || page.type !== 'PAGE') throw new Error(`node ${source.id} is not on a page`);
  if (ancestors.some((node) => 'locked' in node && node.locked)) return { container: page, anchor: absoluteBox(source) };

  // Walk down from the page while each level takes new children freely; the last such level is
  // the container, and the node below it on the way to the source is what the result goes beside.
  let container: Container = page;
  let anchor: SceneNode = source;
  for (let i = ancestors.length - 2; i >= -1; i--) {
    const below = i >= 0 ? ancestors[i] : source;
    if (!below || !isSceneNode(below)) break;
    anchor = below;
    if (i < 0) break;
    if (!isFreeContainer(below)) break;
    container = below;
  }
  return { container, anchor: boxIn(container, absoluteBox(anchor)) };
}

/** Frames without auto layout and sections: a new child changes nothing else. */
function isFreeContainer(node: BaseNode): node is FrameNode | SectionNode {
  return (node.type === 'FRAME' && node.layoutMode === 'NONE') || node.type === 'SECTION';
}

function isSceneNode(node: BaseNode): node is SceneNode {
  return node.type !== 'PAGE' && node.type !== 'DOCUMENT';
}
