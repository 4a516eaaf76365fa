import type { PresetRatio, Resolution } from '../options/option-values';
import type { PixelSize } from './size-rule';

/** One row of the preset table: a resolution tier and a ratio, and the pixels they mean. */
export interface PresetSize extends PixelSize {
  readonly resolution: Resolution;
  readonly aspectRatio: PresetRatio;
}

/**
 * The one published grid for this model (SPEC 2), as given: portrait sizes for the paired ratios,
 * landscape for 21:9. The landscape twin of a portrait ratio is the same size turned sideways.
 */
const PUBLISHED: ReadonlyArray<readonly [PresetRatio, PresetRatio | null, Record<Resolution, string>]> = [
  ['1:1', null, { '1K': '1280x1280', '2K': '2048x2048', '4K': '2880x2880' }],
  ['2:3', '3:2', { '1K': '848x1280', '2K': '1360x2048', '4K': '2336x3520' }],
  ['3:4', '4:3', { '1K': '960x1280', '2K': '1536x2048', '4K': '2480x3312' }],
  ['4:5', '5:4', { '1K': '1024x1280', '2K': '1632x2048', '4K': '2560x3216' }],
  ['9:16', '16:9', { '1K': '720x1280', '2K': '1152x2048', '4K': '2160x3840' }],
  ['21:9', null, { '1K': '1280x544', '2K': '2048x864', '4K': '3840x1632' }],
];

const TIERS: readonly Resolution[] = ['1K', '2K', '4K'];

function toSize(text: string): PixelSize {
  const [w, h] = text.split('x').map(Number);
  return { width: w ?? 0, height: h ?? 0 };
}

/** All 30 presets (10 ratios × 3 tiers), grouped by ratio in table order. */
export const PRESET_SIZES: readonly PresetSize[] = PUBLISHED.flatMap(([ratio, turned, sizes]) => {
  const rows: PresetSize[] = [];
  for (const resolution of TIERS) rows.push({ resolution, aspectRatio: ratio, ...toSize(sizes[resolution]) });
  if (turned) {
    for (const resolution of TIERS) {
      const { width, height } = toSize(sizes[resolution]);
      rows.push({ resolution, aspectRatio: turned, width: height, height: width });
    }
  }
  return rows;
});

/** The pixels of a preset. */
export function presetSize(resolution: Resolution, aspectRatio: PresetRatio): PixelSize {
  const row = PRESET_SIZES.find((p) => p.resolution === resolution && p.aspectRatio === aspectRatio);
  if (!row) throw new Error(`no preset for ${aspectRatio} at ${resolution}`);
  return { width: row.width, height: row.height };
}

/** The pixel budget of a tier: its square's pixel count, the target when matching a shape. */
export function tierPixelBudget(resolution: Resolution): number {
  const { width, height } = presetSize(resolution, '1:1');
  return width * height;
}
