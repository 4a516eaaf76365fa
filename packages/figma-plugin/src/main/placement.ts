import type { FigmaApi } from './figma-api';
import { centredOn, freeSpotFrom, freeSpotRightOf } from './free-spot';
import { absoluteBox, boxIn, contains, type Box, type Size } from './geometry';
import { placementsBeside, type Container, type PlacementTarget } from './placement-target';

/**
 * Where a new frame of `size` goes: right of `source`, past anything already there, in the
 * innermost board around it (see `placementsBeside`) where that spot lies within the board — else
 * beside the board, one level out, up to the page. Without a source: centred in the viewport on
 * the current page, or right of whatever already is there (an earlier text-only result).
 */
export function placementOf(figma: Pick<FigmaApi, 'currentPage' | 'viewport'>, source: SceneNode | null, size: Size): { readonly container: Container; readonly box: Box } {
  if (!source) {
    const page = figma.currentPage;
    return { container: page, box: freeSpotFrom(centredOn(figma.viewport.center, size), occupiedIn(page)) };
  }
  const { inside, page } = placementsBeside(source);
  for (const target of inside) {
    const box = spotBeside(target, size);
    if (contains({ x: 0, y: 0, width: target.container.width, height: target.container.height }, box)) return { container: target.container, box };
  }
  // The page has no edges: it takes the spot wherever it is.
  return { container: page.container, box: spotBeside(page, size) };
}

function spotBeside(target: PlacementTarget, size: Size): Box {
  return freeSpotRightOf(target.anchor, size, occupiedIn(target.container));
}

/** The boxes of a container's children, in its coordinates. */
function occupiedIn(container: Container): Box[] {
  return container.children.map((child) => boxIn(container, absoluteBox(child)));
}
