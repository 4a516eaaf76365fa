import { describe, expect, it } from 'vitest';
import {
  PROVIDERS, RESOLUTIONS, isValidSize, prepareRequest, presetSize, requestForShape, sizeForShape, tierPixelBudget,
  type ProviderCapabilities, type ShapeRequest,
} from '../../src/index';
import * as contract from '../../src/contract';

const kie = PROVIDERS.kie.capabilities;
const openai = PROVIDERS.openai.capabilities;

/** The preset ratio chosen, or the exact size, as one short string. */
function summary(request: ShapeRequest): string {
  if (request.kind === 'size') return `${request.size.width}x${request.size.height}`;
  if (request.kind === 'none') return `none at ${request.resolution}`;
  return `${request.aspectRatio}@${request.resolution}`;
}

describe('requestForShape: "Match frame" for a provider that takes exact sizes', () => {
  it.each([
    ['square', 1000, 1000],
    ['tall', 600, 900],
    ['wide', 1920, 1080],
    ['extreme 1:10', 100, 1000],
  ])('%s: the valid size nearest the shape at the tier’s budget (sizeForShape)', (_, width, height) => {
    for (const resolution of RESOLUTIONS) {
      const request = requestForShape(openai, { width, height }, resolution);
      expect(request).toEqual({ kind: 'size', size: sizeForShape({ width, height }, tierPixelBudget(resolution)) });
      if (request.kind === 'size') expect(isValidSize(request.size)).toBe(true);
    }
  });

  it('the placeholder takes sizes too', () => {
    expect(requestForShape(PROVIDERS.placeholder.capabilities, { width: 800, height: 600 }, '2K').kind).toBe('size');
  });
});

describe('requestForShape: "Match frame" on kie (preset ratios × resolution only)', () => {
  it.each([
    ['square', 1000, 1000, '1K', '1:1@1K', true],
    ['square at 2K', 512, 512, '2K', '1:1@2K', true],
    ['tall (600x900 is 2:3)', 600, 900, '1K', '2:3@1K', true],
    ['portrait phone (390x844)', 390, 844, '1K', '9:16@1K', false],
    ['wide (1920x1080 is 16:9)', 1920, 1080, '2K', '16:9@2K', true],
    ['wide, between 3:2 and 16:9 (1440x900 is 1.6)', 1440, 900, '1K', '3:2@1K', false],
    ['landscape 4:3 (800x600)', 800, 600, '4K', '4:3@4K', true],
    ['banner (2.5:1)', 2500, 1000, '1K', '21:9@1K', false],
    ['extreme 1:10', 100, 1000, '1K', '9:16@1K', false],
    ['extreme 10:1', 1000, 100, '2K', '21:9@2K', false],
  ] as const)('%s → %s', (_, width, height, resolution, expected, exact) => {
    const request = requestForShape(kie, { width, height }, resolution);
    expect(summary(request)).toBe(expected);
    if (request.kind !== 'preset') throw new Error('expected a preset');
    expect(request.exact).toBe(exact);
    expect(request.size).toEqual(presetSize(request.resolution, request.aspectRatio));
  });

  it('4K square: kie refuses 1:1 at 4K, so the nearest ratio it offers there (4:5, the first of the tie with 5:4)', () => {
    const request = requestForShape(kie, { width: 1000, height: 1000 }, '4K');
    expect(request).toEqual({ kind: 'preset', aspectRatio: '4:5', resolution: '4K', size: { width: 2560, height: 3216 }, exact: false });
    expect(kie.aspectRatios['4K']).not.toContain('1:1');
  });

  it('nearly square at 4K goes the way the frame leans', () => {
    expect(summary(requestForShape(kie, { width: 1010, height: 1000 }, '4K'))).toBe('5:4@4K');
    expect(summary(requestForShape(kie, { width: 1000, height: 1010 }, '4K'))).toBe('4:5@4K');
  });

  it('never picks `auto`, though kie allows it at 1K: the frame’s shape is the point', () => {
    for (const [width, height] of [[1, 1], [3, 1], [1, 3], [7, 5]] as const) {
      const request = requestForShape(kie, { width, height }, '1K');
      expect(request.kind).toBe('preset');
    }
  });

  it('every answer for every shape and tier passes core’s gate for kie (nothing refused before sending)', () => {
    const shapes = [[1, 1], [1, 10], [10, 1], [2, 3], [16, 9], [9, 16], [21, 9], [5, 4], [4, 5], [1000, 999], [0, 0]] as const;
    for (const resolution of RESOLUTIONS) {
      for (const [width, height] of shapes) {
        const request = requestForShape(kie, { width, height }, resolution);
        if (request.kind !== 'preset') throw new Error(`expected a preset for ${width}x${height} at ${resolution}`);
        const prepared = prepareRequest({ prompt: 'a frame', resolution: request.resolution, aspectRatio: request.aspectRatio }, 'kie');
        expect(prepared.ok, `${width}x${height} at ${resolution} → ${request.aspectRatio}`).toBe(true);
      }
    }
  });

  it('nearest is measured on the log of the ratio: 2:1 and 1:2 are as far from square', () => {
    const caps: ProviderCapabilities = { ...kie, aspectRatios: { ...kie.aspectRatios, '1K': ['4:3', '3:4'] } };
    // 4:3 and 3:4 are equally far from square in log terms, so the first listed wins…
    expect(summary(requestForShape(caps, { width: 1, height: 1 }, '1K'))).toBe('4:3@1K');
    // …and a shape of 1:2 is nearer 3:4 than 4:3, whatever its size in pixels.
    expect(summary(requestForShape(caps, { width: 50, height: 100 }, '1K'))).toBe('3:4@1K');
  });

  it('says so when the provider offers no preset at the tier', () => {
    const caps: ProviderCapabilities = { ...kie, aspectRatios: { ...kie.aspectRatios, '4K': ['auto'] } };
    expect(requestForShape(caps, { width: 800, height: 600 }, '4K')).toEqual({ kind: 'none', resolution: '4K' });
  });

  it('is exported from the contract entry too', () => {
    expect(contract.requestForShape).toBe(requestForShape);
  });
});
