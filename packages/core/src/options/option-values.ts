/**
 * The allowed values of each option, in the order a UI shows them. The zod schema, the UIs and the
 * CLI's help all read these lists, so a value is added in exactly one place.
 */
export const MODES = ['generate', 'edit'] as const;
export const RESOLUTIONS = ['1K', '2K', '4K'] as const;
export const QUALITIES = ['low', 'medium', 'high'] as const;
/** `auto` plus the ten preset ratios of the size table. */
export const ASPECT_RATIOS = ['auto', '1:1', '2:3', '3:2', '4:3', '3:4', '4:5', '5:4', '16:9', '9:16', '21:9'] as const;
export const OUTPUT_FORMATS = ['png', 'jpeg', 'webp'] as const;
export const BACKGROUNDS = ['auto', 'opaque', 'transparent'] as const;
export const MODERATIONS = ['auto', 'low'] as const;

export type Mode = (typeof MODES)[number];
export type Resolution = (typeof RESOLUTIONS)[number];
export type Quality = (typeof QUALITIES)[number];
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
/** A preset ratio: every aspect ratio except `auto`. */
export type PresetRatio = Exclude<AspectRatio, 'auto'>;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export type Background = (typeof BACKGROUNDS)[number];
export type Moderation = (typeof MODERATIONS)[number];

/** The longest prompt the model takes, in Unicode code points after trimming. */
export const MAX_PROMPT_CODE_POINTS = 20_000;
/** At most this many images in one request: the image being edited plus references. */
export const MAX_IMAGES = 16;
/** The largest reference image the model takes, in bytes (50 MB). */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
