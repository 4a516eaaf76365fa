import type { AspectRatio, Background, Moderation, OutputFormat, Quality, Resolution } from '../options/option-values';

/**
 * What a provider can do, declared as data so the core refuses the rest before anything is sent
 * (and a UI can grey out what the chosen provider lacks).
 */
export interface ProviderCapabilities {
  /** Whether a custom `size` (WIDTHxHEIGHT) may be sent, or only presets. */
  readonly customSize: boolean;
  /** The aspect ratios accepted at each tier (`auto` included where the provider picks). */
  readonly aspectRatios: Readonly<Record<Resolution, readonly AspectRatio[]>>;
  /** Quality tiers it distinguishes; null when it has none and the option has no effect. */
  readonly qualities: readonly Quality[] | null;
  readonly outputFormats: readonly OutputFormat[];
  readonly backgrounds: readonly Background[];
  /** Moderation levels it accepts on generate. */
  readonly moderations: readonly Moderation[];
  /** Whether it can edit at all, and with how many images in one request. */
  readonly maxImages: number;
  /** Whether reference images must be URLs the provider fetches (bytes are uploaded first). */
  readonly imagesAsUrls: boolean;
}
