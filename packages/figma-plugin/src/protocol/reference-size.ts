/**
 * The size a selected node is exported at to be sent as an image. Main exports at this size; the
 * UI prices the request at it before anything is exported, so the cost shown is the cost charged
 * (the model vendor bills a reference by its pixel size, not by the node's thumbnail).
 */

/** The longest side a reference is exported at: more costs upload time and input tokens, and adds nothing the model uses. */
export const MAX_REFERENCE_SIDE = 2048;

/** Small nodes are exported at up to 2× (like a retina export), so the model gets real detail. */
export const MAX_REFERENCE_SCALE = 2;

/** The export scale for a node of this size: up to 2×, and never beyond 2048 px on the longer side. */
export function referenceScale(width: number, height: number): number {
  return Math.min(MAX_REFERENCE_SCALE, MAX_REFERENCE_SIDE / Math.max(width, height));
}

/** The pixel size of that export (Figma rounds to whole pixels, at least 1). */
export function referencePixels(width: number, height: number): { readonly width: number; readonly height: number } {
  const scale = referenceScale(width, height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
