import type { Options } from '../options/options-schema';
import type { CostEstimate } from '../pricing/estimate-cost';
import type { ProviderId } from '../providers/provider-catalog';
import type { PreparedRequest } from '../request/prepare-request';
import type { PixelSize } from '../sizes/size-rule';

/**
 * A prepared request as plain JSON, for task records: everything but the reference images' bytes,
 * which are identified by hash instead (a record must stay small and never copy user files).
 */
export interface RequestSummary {
  readonly provider: ProviderId;
  readonly model: string;
  readonly options: Omit<Options, 'images'>;
  readonly references: readonly ReferenceSummary[];
  readonly size: PixelSize | null;
  readonly cost: CostEstimate;
}

/** A reference image by identity: the hash of its bytes (or of its URL), never the bytes. */
export interface ReferenceSummary {
  readonly sha256: string;
  readonly mediaType: string;
  /** Null for a URL reference, whose pixels were never seen. */
  readonly width: number | null;
  readonly height: number | null;
  readonly name?: string;
  readonly url?: string;
}

/** The summary of a prepared request; `referenceHashes` are the sha256 of each image, in order. */
export function summarizeRequest(request: PreparedRequest, referenceHashes: readonly string[]): RequestSummary {
  const { images, ...options } = request.options;
  return {
    provider: request.provider.id,
    model: request.provider.model,
    options,
    references: images.map((image, i) => ({
      sha256: referenceHashes[i] ?? '',
      ...(image.source === 'bytes'
        ? { mediaType: image.mediaType, width: image.width, height: image.height }
        : { mediaType: 'text/uri-list', width: null, height: null, url: image.url }),
      ...(image.name ? { name: image.name } : {}),
    })),
    size: request.size,
    cost: request.cost,
  };
}
