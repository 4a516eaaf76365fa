import type { PluginSession } from './open-plugin';

/** Asks main to start a generation, as the UI does, and returns the placeholder frame. */
export async function startGeneration(
  session: PluginSession,
  sourceNodeIds: readonly string[],
  overrides: { readonly prompt?: string; readonly mode?: 'generate' | 'edit'; readonly size?: { width: number; height: number } | null } = {},
): Promise<FrameNode> {
  const { placeholderId } = await session.ui$.request('start-generation', {
    prompt: overrides.prompt ?? 'make the sky stormy',
    mode: overrides.mode ?? (sourceNodeIds.length > 0 ? 'edit' : 'generate'),
    sourceNodeIds,
    size: overrides.size ?? null,
    resolution: '1K',
  });
  return frameById(session, placeholderId);
}

/** A frame by id, or a failed test. */
export async function frameById(session: PluginSession, id: string): Promise<FrameNode> {
  const node = await session.figma.getNodeByIdAsync(id);
  if (!node || node.type !== 'FRAME') throw new Error(`no frame ${id}`);
  return node;
}

/** Every shared plugin data entry of a node in the plugin's namespace. */
export function sharedData(node: BaseNode, namespace = 'gpt_image'): Record<string, string> {
  return Object.fromEntries(node.getSharedPluginDataKeys(namespace).map((key) => [key, node.getSharedPluginData(namespace, key)]));
}
