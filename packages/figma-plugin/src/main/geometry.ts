/** A rectangle on the canvas, in some container's coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A size in canvas units. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** True when the two boxes share area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when `inner` lies entirely within `outer` (edges may touch). */
export function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** A node's box in page coordinates (its bounding box, rotation included, when Figma gives one). */
export function absoluteBox(node: SceneNode): Box {
  const bounds = 'absoluteBoundingBox' in node ? node.absoluteBoundingBox : null;
  if (bounds) return bounds;
  const [[, , x], [, , y]] = node.absoluteTransform;
  return { x, y, width: node.width, height: node.height };
}

/** Where a container's own coordinates start, in page coordinates. */
export function originOf(container: BaseNode): { readonly x: number; readonly y: number } {
  if (container.type === 'PAGE' || !('absoluteTransform' in container)) return { x: 0, y: 0 };
  const [[, , x], [, , y]] = container.absoluteTransform;
  return { x, y };
}

/** A page-coordinates box in `container`'s coordinates (what `x` and `y` of its children mean). */
export function boxIn(container: BaseNode, box: Box): Box {
  const origin = originOf(container);
  return { x: box.x - origin.x, y: box.y - origin.y, width: box.width, height: box.height };
}

/** Shrinks a size to fit `maxSide` on both sides, keeping its shape. */
export function fitWithin(size: Size, maxSide: number): Size {
  const scale = maxSide / Math.max(size.width, size.height);
  if (scale >= 1) return size;
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}
