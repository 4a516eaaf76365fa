import { sha256Hex } from '../internal/hash';
import type { ManifestEntry } from '../manifest/manifest-schema';
import type { RequestSummary } from '../tasks/request-summary';
import type { GeneratedImage } from './generated-image';

/**
 * The provenance record of one saved image, the same for every host: what was asked, of whom,
 * at what cost, from which references (by hash, never by content).
 */
export async function manifestEntryFor(file: string, image: GeneratedImage, request: RequestSummary, createdAt: Date): Promise<ManifestEntry> {
  const { cost } = request;
  return {
    file,
    sha256: await sha256Hex(image.bytes),
    width: image.width,
    height: image.height,
    format: image.format,
    prompt: request.options.prompt,
    options: { ...request.options, ...(request.size ? { resolvedSize: `${request.size.width}x${request.size.height}` } : {}) },
    provider: image.provider,
    model: image.model,
    taskId: image.taskId,
    cost: { estimated: { amount: cost.amount, unit: cost.unit, estimate: cost.estimate }, actual: image.actualCost },
    createdAt: createdAt.toISOString(),
    references: request.references.map((ref) => ({ ...ref })),
  };
}
