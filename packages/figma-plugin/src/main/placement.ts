import type { FigmaApi } from './figma-api';
import { centredOn, freeSpotFrom, freeSpotRightOf } from './free-spot';
import { absoluteBox, boxIn, contains, type Box, type Size } from './geometry';
import { placementsBeside, type Container, type PlacementTarget } from './placement-target';

/**
 * Where a new frame of `size` goes: right of `source`, past anything already there, in the
 * innermost board around it (see `placementsBeside`) where that spot lies within the board — else
 * beside the board, one level out, up to the page. Without a source: centred in the viewport on
 * the current page, or right of whatever already is there (an earlier text-only result).
 * `moving` is a frame about to be moved there (a placeholder that grew): its own spot is not in
 * the way.
 */
export function placementOf(
  figma: Pick<FigmaApi, 'currentPage' | 'viewport'>,
  source: SceneNode | null,
  size: Size,
  moving: SceneNode | null = null,
): { readonly container: Container; readonly box: Box } {
  if (!source) {
    const page = figma.currentPage;
    return { container: page, box: freeSpotFrom(centredOn(figma.viewport.center, size), occupiedIn(page, moving)) };
  }
  const { inside, page } = placementsBeside(source);
  for (const target of inside) {
    const box = spotBeside(target, size, moving);
    if (liesWithin(target.container, box)) return { container: target.container, box };
  }
  // The page has no edges: it takes the spot wherever it is.
  return { container: page.container, box: spotBeside(page, size, moving) };
}

/** True when `box` (in the container's coordinates) lies within a board's bounds, where nothing of it is clipped or looks lost. */
export function liesWithin(container: FrameNode | SectionNode, box: Box): boolean {
  return contains({ x: 0, y: 0, width: container.width, height: container.height }, box);
}

function spotBeside(target: PlacementTarget, size: Size, moving: SceneNode | null): Box {
  return freeSpotRightOf(target.anchor, size, occupiedIn(target.container, moving));
}

/** The boxes of a container's children but `moving`, in its coordinates. */
export function occupiedIn(container: Container, moving: SceneNode | null): Box[] {
  return container.children.filter((child) => child !== moving).map((child) => boxIn(container, absoluteBox(child)));
}
