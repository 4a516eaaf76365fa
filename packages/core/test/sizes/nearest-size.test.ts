import { describe, expect, it } from 'vitest';
import { nearestValidSize, sizeForShape, isValidSize, tierPixelBudget, concreteSize } from '../../src/index';

describe('nearestValidSize', () => {
  it.each([
    ['1000x1000', '1008x1008'],
    ['512x512', '816x816'],
    ['4000x1000', '3840x1280'],
    ['5000x5000', '2880x2880'],
    ['1920x1080', '1920x1088'],
  ])('%s → %s', (wanted, expected) => {
    const [width, height] = wanted.split('x').map(Number);
    const size = nearestValidSize({ width: width ?? 0, height: height ?? 0 });
    expect(`${size.width}x${size.height}`).toBe(expected);
  });
  it('keeps a size that is already valid', () => {
    expect(nearestValidSize({ width: 2304, height: 1536 })).toEqual({ width: 2304, height: 1536 });
  });
  it('survives nonsense input with a valid size', () => {
    for (const [width, height] of [[0, 0], [-5, 10], [Number.NaN, 4], [1e9, 1], [1, 1e9]] as const) {
      expect(isValidSize(nearestValidSize({ width, height }))).toBe(true);
    }
  });
});

describe('sizeForShape (Figma "match frame")', () => {
  it('keeps the frame shape at the tier budget', () => {
    const size = sizeForShape({ width: 1440, height: 900 }, tierPixelBudget('1K'));
    expect(isValidSize(size)).toBe(true);
    expect(Math.abs(size.width / size.height - 1.6)).toBeLessThan(0.02);
    expect(Math.abs(size.width * size.height - 1280 * 1280) / (1280 * 1280)).toBeLessThan(0.05);
  });
  it('clamps extreme shapes to 3:1', () => {
    const size = sizeForShape({ width: 5000, height: 100 }, tierPixelBudget('2K'));
    expect(size.width / size.height).toBeCloseTo(3, 1);
    expect(isValidSize(size)).toBe(true);
  });
  it('is what concreteSize gives for auto with a known shape', () => {
    expect(concreteSize({ resolution: '2K', aspectRatio: 'auto' }, { width: 300, height: 600 })).toEqual(
      sizeForShape({ width: 300, height: 600 }, tierPixelBudget('2K')),
    );
    expect(concreteSize({ resolution: '2K', aspectRatio: 'auto' })).toEqual({ width: 2048, height: 2048 });
  });
});
