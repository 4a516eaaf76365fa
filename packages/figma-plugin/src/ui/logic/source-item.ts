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

/**
 * The list after main reported the selection. Items still there keep their place in the list, so
 * an order the user set by hand survives a change elsewhere in the selection (main's data replaces
 * theirs: a name or size may have changed); nodes no longer reported leave; newly reported ones join
 * in main's order, which is the order they were selected in, right after the last node listed (at
 * the top when there is none, so a selected frame is the one edited); files stay.
 */
export function withSelection(items: readonly SourceItem[], nodes: readonly SelectedNode[]): SourceItem[] {
  const reported = new Map(nodes.map((node) => [node.id, node]));
  const kept = items.flatMap((item): SourceItem[] => {
    if (item.kind === 'file') return [item];
    const node = reported.get(item.node.id);
    return node ? [{ ...item, node }] : [];
  });
  const listed = new Set(kept.flatMap((item) => (item.kind === 'node' ? [item.node.id] : [])));
  const added = nodes.filter((node) => !listed.has(node.id)).map((node): SourceItem => ({ kind: 'node', key: `node:${node.id}`, node }));
  const at = kept.findLastIndex((item) => item.kind === 'node') + 1;
  return [...kept.slice(0, at), ...added, ...kept.slice(at)];
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
