import { array, nullable, object, string, type Checked } from '../protocol/checks';
import { generationMode, nodeId, prompt } from '../protocol/shapes';
import { DATA_KEY, readJson, writeData } from './shared-data';

const placeholderData = object({
  /** Placeholders of earlier versions say `generate` or `edit`, which mean the same today. */
  mode: generationMode,
  prompt,
  sourceNodeIds: array(nodeId, { max: 16 }),
  startedAt: string({ min: 1, max: 64 }),
  /** Our id of the task once the provider accepted it. */
  taskId: nullable(string({ min: 1, max: 256 })),
});

/** What a placeholder frame remembers about the generation it waits for. */
export type PlaceholderData = Checked<typeof placeholderData>;

/** Marks `frame` as a placeholder; only frames marked so are ever removed or filled by the plugin. */
export function markPlaceholder(frame: FrameNode, data: PlaceholderData): void {
  writeData(frame, DATA_KEY.placeholder, JSON.stringify(data));
}

/** The placeholder data of a node, or null when it is not one of our placeholders. */
export function placeholderDataOf(node: BaseNode): PlaceholderData | null {
  const value = readJson(node, DATA_KEY.placeholder);
  if (value === null) return null;
  try {
    return placeholderData(value, 'placeholder');
  } catch {
    return null;
  }
}

/** The placeholder frame with this id, if it still exists and is ours. */
export async function findPlaceholder(
  getNodeByIdAsync: (id: string) => Promise<BaseNode | null>,
  id: string,
): Promise<{ readonly frame: FrameNode; readonly data: PlaceholderData } | null> {
  const node = await getNodeByIdAsync(id);
  if (!node || node.removed || node.type !== 'FRAME') return null;
  const data = placeholderDataOf(node);
  return data ? { frame: node, data } : null;
}
