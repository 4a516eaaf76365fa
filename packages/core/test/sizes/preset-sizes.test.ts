import { describe, expect, it } from 'vitest';
import { PRESET_SIZES, isValidSize, presetSize, ASPECT_RATIOS, RESOLUTIONS } from '../../src/index';

describe('preset table', () => {
  it('has 30 rows: 10 ratios × 3 tiers, each once', () => {
    expect(PRESET_SIZES).toHaveLength(30);
    const keys = new Set(PRESET_SIZES.map((p) => `${p.aspectRatio}@${p.resolution}`));
    expect(keys.size).toBe(30);
    for (const ratio of ASPECT_RATIOS.filter((r) => r !== 'auto')) {
      for (const tier of RESOLUTIONS) expect(keys.has(`${ratio}@${tier}`)).toBe(true);
    }
  });

  it.each(PRESET_SIZES.map((p) => [`${p.aspectRatio} ${p.resolution} ${p.width}x${p.height}`, p] as const))(
    '%s obeys the size rule and is within 2%% of its ratio',
    (_, preset) => {
      expect(isValidSize(preset)).toBe(true);
      const [a, b] = preset.aspectRatio.split(':').map(Number);
      const named = (a ?? 0) / (b ?? 1);
      expect(Math.abs(preset.width / preset.height / named - 1)).toBeLessThanOrEqual(0.02);
    },
  );

  it('matches the published grid, landscape being portrait turned sideways', () => {
    expect(presetSize('1K', '1:1')).toEqual({ width: 1280, height: 1280 });
    expect(presetSize('2K', '16:9')).toEqual({ width: 2048, height: 1152 });
    expect(presetSize('2K', '9:16')).toEqual({ width: 1152, height: 2048 });
    expect(presetSize('4K', '3:2')).toEqual({ width: 3520, height: 2336 });
    expect(presetSize('4K', '21:9')).toEqual({ width: 3840, height: 1632 });
  });
});
