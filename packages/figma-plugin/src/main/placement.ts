import type { FigmaApi } from './figma-api';
import { centredOn, freeSpotRightOf } from './free-spot';
import { absoluteBox, boxIn, type Box, type Size } from './geometry';
import { placementBeside, type Container } from './placement-target';

/**
 * Where a new frame of `size` goes: right of `source` in the container `placementBeside` picks,
 * past anything already there; or, without a source, centred in the viewport on the current page.
 */
export function placementOf(figma: Pick<FigmaApi, 'currentPage' | 'viewport'>, source: SceneNode | null, size: Size): { readonly container: Container; readonly box: Box } {
  if (!source) return { container: figma.currentPage, box: centredOn(figma.viewport.center, size) };
  const { container, anchor } = placementBeside(source);
  const occupied = container.children.map((child) => boxIn(container, absoluteBox(child)));
  return { container, box: freeSpotRightOf(anchor, size, occupied) };
}
