import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../../src/index';

function refusal(input: object, provider: string): string[] {
  const result = prepareRequest(input, provider);
  if (result.ok) throw new Error('expected a refusal');
  return result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('provider capabilities, refused before anything is sent', () => {
  it('kie takes presets only', () => {
    expect(refusal({ prompt: 'p', size: '1024x1024' }, 'kie')).toEqual([
      'size: size 1024x1024: the kie provider takes preset sizes only (resolution and aspectRatio); remove size or choose another provider',
    ]);
  });
  it('kie refuses 1:1 at 4K and auto above 1K, and says what it offers', () => {
    expect(refusal({ prompt: 'p', resolution: '4K', aspectRatio: '1:1' }, 'kie')[0]).toMatch(/^aspectRatio: aspectRatio 1:1 at 4K: the kie provider does not offer this combination; at 4K it offers 2:3/);
    expect(refusal({ prompt: 'p', resolution: '2K' }, 'kie')[0]).toMatch(/aspectRatio auto at 2K/);
    expect(prepareRequest({ prompt: 'p', resolution: '1K' }, 'kie').ok).toBe(true);
  });
  it('openai refuses a transparent background', () => {
    expect(refusal({ prompt: 'p', background: 'transparent' }, 'openai')[0]).toMatch(/background transparent: the openai provider offers auto, opaque/);
    expect(prepareRequest({ prompt: 'p', background: 'transparent' }, 'placeholder').ok).toBe(true);
  });
  it('kie warns that quality has no effect instead of refusing', () => {
    const result = prepareRequest({ prompt: 'p', quality: 'high', aspectRatio: '16:9' }, 'kie');
    expect(result.ok && result.request.warnings).toEqual(['quality high: the kie provider has one quality level, so this setting has no effect']);
  });
  it('marks sizes above 2560x1440 experimental', () => {
    const result = prepareRequest({ prompt: 'p', size: '3840x2160' }, 'openai');
    expect(result.ok && result.request.warnings[0]).toMatch(/experimental/);
  });
  it('refuses an unknown provider naming the choices', () => {
    expect(refusal({ prompt: 'p' }, 'midjourney')).toEqual(['provider: provider must be one of placeholder, openai, kie (got "midjourney")']);
  });
});
