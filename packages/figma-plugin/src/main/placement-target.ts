import { absoluteBox, boxIn, type Box } from './geometry';
import { isSceneNode } from './scene-node';

/** A node new frames may be appended to without changing anything the user made. */
export type Container = PageNode | FrameNode | SectionNode;

/** Where a new frame may go: into `container`, beside `anchor` (a box in the container's coordinates). */
export interface PlacementTarget<C extends Container = Container> {
  readonly container: C;
  readonly anchor: Box;
}

/**
 * Where a result for `source` may go, from the innermost board out to the page.
 * `inside` lists the frames and sections around the source that may take the result, innermost
 * first, each with the node on the way to the source that the result would sit beside there;
 * `page` is the last resort, beside the outermost of them. The caller takes the first level whose
 * free spot lies within that container's bounds (see `placementOf`): a frame clips what lies
 * outside it (Figma's default) and a section is a visible board, so a result beyond either edge
 * would be hidden or look lost.
 *
 * A new child must never change what the user made, so some ancestors are never entered:
 * - an auto-layout frame would re-flow (and resize) around it: the result goes beside that frame;
 * - groups, components and instances change or refuse with a new child: likewise;
 * - a locked parent or ancestor means "leave this alone": the result goes on the page, beside the
 *   source's position on the canvas.
 */
export function placementsBeside(source: SceneNode): { readonly inside: readonly PlacementTarget<FrameNode | SectionNode>[]; readonly page: PlacementTarget<PageNode> } {
  const ancestors: BaseNode[] = [];
  for (let node = source.parent; node && node.type !== 'DOCUMENT'; node = node.parent) ancestors.push(node);
  const page = ancestors[ancestors.length - 1];
  if (!page || page.type !== 'PAGE') throw new Error(`node ${source.id} is not on a page`);
  if (ancestors.some((node) => 'locked' in node && node.locked)) return { inside: [], page: { container: page, anchor: absoluteBox(source) } };

  // From the page down to the source, each free level's anchor is the next node on the way; the
  // walk stops at the first node that does not take new children freely.
  const below: SceneNode[] = [...ancestors.filter(isSceneNode).reverse(), source];
  const inside: PlacementTarget<FrameNode | SectionNode>[] = [];
  for (const [i, node] of below.entries()) {
    const next = below[i + 1];
    if (!next || !isFreeContainer(node)) break;
    inside.unshift({ container: node, anchor: boxIn(node, absoluteBox(next)) });
  }
  const outermost = below[0] ?? source;
  return { inside, page: { container: page, anchor: boxIn(page, absoluteBox(outermost)) } };
}

/** The page a node is on, or null when it is not on one (removed, or the document itself). */
export function pageOf(node: BaseNode): PageNode | null {
  for (let current: BaseNode | null = node; current; current = current.parent) {
    if (current.type === 'PAGE') return current;
  }
  return null;
}

/** Frames without auto layout and sections: a new child changes nothing else. */
function isFreeContainer(node: BaseNode): node is FrameNode | SectionNode {
  return (node.type === 'FRAME' && node.layoutMode === 'NONE') || node.type === 'SECTION';
}
