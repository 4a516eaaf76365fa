import { relaunchDataOf, sharedDataOf } from './fake-nodes';

/** A node as plain JSON: every data property it holds, its plugin data and its children. */
export type NodeDescription = { readonly [key: string]: unknown };

/** Links and bookkeeping of the stub, not properties of the node. */
const SKIPPED = new Set(['parent', 'config', '_orig', 'children', '_selection']);

/**
 * Describes a node deeply, for "nothing changed" comparisons and undo checkpoints: every own data
 * property (the stub keeps fills, characters and fonts in `_fills`, `_characters`, `_fontName`),
 * the shared plugin data, the relaunch data and the children, recursively, in order.
 */
export function describeNode(node: BaseNode): NodeDescription {
  const out: { [key: string]: unknown } = {};
  for (const key of Object.keys(node).sort()) {
    if (SKIPPED.has(key)) continue;
    const value: unknown = Reflect.get(node, key);
    if (typeof value !== 'function') out[key] = plain(value);
  }
  out['sharedPluginData'] = sharedDataOf(node);
  out['relaunchData'] = relaunchDataOf(node);
  out['parentId'] = node.parent?.id ?? null;
  if ('children' in node) out['children'] = node.children.map((child) => describeNode(child));
  return out;
}

function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return [...value];
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  }
  return value;
}
