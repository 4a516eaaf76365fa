import type { Provenance, TaskRecordJson } from '../../src/protocol/index';
import { TEST_NOW } from './open-plugin';

/** A frame on the page or in `parent`, at a position and size. */
export function frame(
  figma: PluginAPI,
  spec: { readonly name?: string; readonly x?: number; readonly y?: number; readonly width?: number; readonly height?: number; readonly parent?: BaseNode & ChildrenMixin },
): FrameNode {
  const node = figma.createFrame();
  if (spec.parent) spec.parent.appendChild(node);
  node.name = spec.name ?? 'Frame';
  node.resize(spec.width ?? 100, spec.height ?? 100);
  node.x = spec.x ?? 0;
  node.y = spec.y ?? 0;
  return node;
}

/** A task record as core's task client writes it when kie accepts a task. */
export function taskRecord(overrides: Partial<{ id: string; prompt: string; mode: 'generate' | 'edit' }> = {}): TaskRecordJson {
  return {
    version: 1,
    id: overrides.id ?? 'task-1',
    state: 'submitted',
    createdAt: TEST_NOW.toISOString(),
    updatedAt: TEST_NOW.toISOString(),
    request: {
      provider: 'kie',
      model: 'gpt-image-2',
      options: { mode: overrides.mode ?? 'edit', prompt: overrides.prompt ?? 'make it blue', resolution: '1K', quality: 'low', aspectRatio: 'auto', outputFormat: 'png', background: 'auto', moderation: 'auto' },
      references: [],
      size: null,
      cost: { amount: 6, unit: 'credits', estimate: false, asOf: '2026-11-01', breakdown: { output: 6 } },
    },
    resume: { taskId: 'kie-123' },
    resumable: true,
    error: null,
  };
}

/** Provenance for a result of `prompt` from `sourceNodeIds`. */
export function provenanceFor(prompt: string, sourceNodeIds: readonly string[], taskId: string | null = 'task-1'): Provenance {
  return {
    prompt,
    options: { mode: sourceNodeIds.length > 0 ? 'edit' : 'generate', prompt, resolution: '1K', quality: 'low', outputFormat: 'png' },
    provider: 'kie',
    model: 'gpt-image-2',
    taskId,
    cost: { amount: 6, unit: 'credits', estimate: false },
    sourceNodeIds,
    createdAt: TEST_NOW.toISOString(),
  };
}
