import type { OutputFormat } from '../options/option-values';
import type { Cost } from '../pricing/cost';
import type { ProviderId } from '../providers/provider-catalog';

/** A finished image as a provider returns it, before anything is written anywhere. */
export interface GeneratedImage {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly format: OutputFormat;
  readonly provider: ProviderId;
  readonly model: string;
  /** The provider's task id; null for answers that came back in the same request. */
  readonly taskId: string | null;
  /** What the provider says it charged, where it says so. */
  readonly actualCost: Cost | null;
}
