import type { SelectedNode } from '../../protocol/shapes';

/**
 * One image sent with the prompt: a selected node (main exports it) or a file added from disk.
 * The first in the list is the image being edited, the rest are references, in order.
 */
export type SourceItem =
  | { readonly kind: 'node'; readonly key: string; readonly node: SelectedNode }
  | { readonly kind: 'file'; readonly key: string; readonly name: string; readonly bytes: Uint8Array; readonly mediaType: string; readonly width: number; readonly height: number };

/** The item's name as the list shows it. */
export const itemName = (item: SourceItem): string => (item.kind === 'node' ? item.node.name || item.node.type : item.name);

/** The item's size in pixels (a node's size in Figma units). */
export const itemSize = (item: SourceItem): { width: number; height: number } =>
  item.kind === 'node' ? { width: item.node.width, height: item.node.height } : { width: item.width, height: item.height };

/** The list after main sent a new selection: nodes in selection order, then the files already added. */
export function withSelection(items: readonly SourceItem[], nodes: readonly SelectedNode[]): SourceItem[] {
  const files = items.filter((item) => item.kind === 'file');
  return [...nodes.map((node): SourceItem => ({ kind: 'node', key: `node:${node.id}`, node })), ...files];
}

/** Moves the item at `from` by `by` places (clamped to the list); returns a new list. */
export function moveItem<T>(items: readonly T[], from: number, by: number): T[] {
  const to = Math.max(0, Math.min(items.length - 1, from + by));
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return next;
  next.splice(to, 0, moved);
  return next;
}
