/**
 * The shared plugin data the plugin writes on nodes. Shared (not private) on purpose: provenance
 * is meant to be read by other tools in the design-to-code handoff (SPEC 1).
 */
export const NAMESPACE = 'gpt_image';

/** The keys, one place: the provenance fields first (see `provenance.ts`), then the placeholder's. */
export const DATA_KEY = {
  prompt: 'prompt',
  options: 'options',
  provider: 'provider',
  model: 'model',
  taskId: 'taskId',
  cost: 'cost',
  sourceNodeIds: 'sourceNodeIds',
  createdAt: 'createdAt',
  /** Added later (absent on older results): our id of the file the result was made in. */
  fileId: 'fileId',
  /** Added later (absent on older results): what was edited — a node, a file from disk, or nothing. */
  edited: 'edited',
  /** On a placeholder: the accepted task's record (JSON), so another session can resume it. */
  taskRecord: 'taskRecord',
  /** Marks a placeholder frame (JSON `PlaceholderData`); the plugin only ever removes nodes that carry it. */
  placeholder: 'placeholder',
} as const;

export type DataKey = (typeof DATA_KEY)[keyof typeof DATA_KEY];

/** Reads a value; '' when absent (Figma's own convention). */
export function readData(node: BaseNode, key: DataKey): string {
  return node.getSharedPluginData(NAMESPACE, key);
}

/** Writes a value; '' removes the key. */
export function writeData(node: BaseNode, key: DataKey, value: string): void {
  node.setSharedPluginData(NAMESPACE, key, value);
}

/** Parses a JSON value stored by this plugin; null when absent or not JSON (another plugin may write here). */
export function readJson(node: BaseNode, key: DataKey): unknown {
  const text = readData(node, key);
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return null;
  }
}
