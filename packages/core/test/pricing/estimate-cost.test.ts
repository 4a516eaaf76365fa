import { describe, expect, it } from 'vitest';
import { estimateCost, formatCost, needsConfirmation, parseOptions, imageInputTokens, prepareRequest } from '../../src/index';
import { makePng } from '../support/build-images';

describe('estimateCost', () => {
  it('uses the published OpenAI price at a published size, labelled an estimate', () => {
    const cost = estimateCost(parseOptions({ prompt: 'fox', quality: 'medium', size: '1024x1024' }), 'openai');
    expect(cost).toMatchObject({ unit: 'USD', estimate: true, asOf: '2026-11-01' });
    expect(cost.breakdown['output']).toBe(0.053);
    expect(formatCost(cost)).toBe('$0.053 est.');
  });
  it('scales by pixels elsewhere', () => {
    const cost = estimateCost(parseOptions({ prompt: 'fox', quality: 'high', size: '2048x2048' }), 'openai');
    expect(cost.breakdown['output']).toBeCloseTo(0.844, 6);
    const wide = estimateCost(parseOptions({ prompt: 'fox', quality: 'low', aspectRatio: '3:2', resolution: '2K' }), 'openai');
    expect(wide.breakdown['output']).toBeCloseTo((0.005 * 2048 * 1360) / (1536 * 1024), 6);
  });
  it('adds reference images as input tokens', () => {
    const images = [{ bytes: makePng(1024, 1024) }, { bytes: makePng(512, 512) }];
    const cost = estimateCost(parseOptions({ prompt: 'fox', mode: 'edit', images }), 'openai');
    expect(cost.breakdown['references']).toBeCloseTo(((765 + 255) * 8) / 1e6, 9);
    expect(imageInputTokens({ width: 4096, height: 2048 })).toBe(85 + 170 * 6);
  });
  it('prices kie in credits by tier, exactly', () => {
    for (const [resolution, credits] of [['1K', 6], ['2K', 10], ['4K', 16]] as const) {
      const cost = estimateCost(parseOptions({ prompt: 'fox', resolution, aspectRatio: '16:9' }), 'kie');
      expect(cost).toMatchObject({ amount: credits, unit: 'credits', estimate: false });
    }
    expect(formatCost({ amount: 10, unit: 'credits', estimate: false })).toBe('10 credits');
    expect(formatCost({ amount: 1, unit: 'credits', estimate: false })).toBe('1 credit');
  });
  it('the placeholder is free', () => {
    const cost = estimateCost(parseOptions({ prompt: 'fox', resolution: '4K', quality: 'high' }), 'placeholder');
    expect(cost.amount).toBe(0);
    expect(formatCost(cost)).toBe('free');
  });
  it('asks for confirmation above the threshold', () => {
    const big = prepareRequest({ prompt: 'fox', quality: 'high', resolution: '4K', aspectRatio: '1:1' }, 'openai');
    expect(big.ok && needsConfirmation(big.request.cost)).toBe(true);
    const small = prepareRequest({ prompt: 'fox', resolution: '1K', aspectRatio: '1:1' }, 'openai');
    expect(small.ok && needsConfirmation(small.request.cost)).toBe(false);
  });
});
