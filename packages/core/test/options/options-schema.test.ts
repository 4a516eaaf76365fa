import { describe, expect, it } from 'vitest';
import { validateOptions, MAX_IMAGE_BYTES, type OptionIssue } from '../../src/index';
import { makeJpeg, makePng } from '../support/build-images';

function issuesOf(input: unknown): OptionIssue[] {
  const result = validateOptions(input);
  if (result.ok) throw new Error(`expected a refusal for ${JSON.stringify(input)}`);
  return result.issues;
}

function accepts(input: unknown): void {
  const result = validateOptions(input);
  expect(result.ok ? [] : result.issues).toEqual([]);
}

describe('defaults', () => {
  it('fills every default from SPEC 2', () => {
    const result = validateOptions({ prompt: 'a red fox' });
    expect(result).toEqual({
      ok: true,
      value: {
        mode: 'generate', prompt: 'a red fox', resolution: '1K', quality: 'low', aspectRatio: 'auto',
        images: [], outputFormat: 'png', background: 'auto', moderation: 'auto',
      },
    });
  });
});

describe('prompt', () => {
  it('counts code points after trimming: 20,000 emoji pass', () => {
    const prompt = '🦊'.repeat(20_000);
    expect(prompt.length).toBe(40_000);
    accepts({ prompt });
  });
  it('20,000 characters with surrounding spaces pass and come back trimmed', () => {
    const result = validateOptions({ prompt: `  ${'a'.repeat(20_000)}\n ` });
    expect(result.ok && result.value.prompt.length).toBe(20_000);
  });
  it('20,001 characters fail, naming the field, the rule and the count', () => {
    const [issue] = issuesOf({ prompt: 'a'.repeat(20_001) });
    expect(issue?.path).toBe('prompt');
    expect(issue?.message).toMatch(/prompt must be at most 20,000 characters.*it has 20,001/);
  });
  it('20,001 emoji fail', () => {
    expect(issuesOf({ prompt: '🦊'.repeat(20_001) })[0]?.path).toBe('prompt');
  });
  it('one character passes; blank and missing fail', () => {
    accepts({ prompt: 'x' });
    expect(issuesOf({ prompt: ' \n\t ' })[0]?.message).toMatch(/prompt is required/);
    expect(issuesOf({})[0]?.message).toBe('prompt is required');
  });
});

describe('size rule at each boundary', () => {
  const ok = (size: string) => accepts({ prompt: 'p', size });
  const rulesBroken = (size: string) => issuesOf({ prompt: 'p', size }).map((i) => i.message);

  it('divisible by 16', () => {
    ok('1024x1024');
    expect(rulesBroken('1040x1025')).toEqual([expect.stringMatching(/^size 1040x1025: both sides must be divisible by 16; nearest valid size is \d+x\d+$/)]);
    expect(rulesBroken('1025x1040')).toHaveLength(1);
  });
  it('names the nearest valid size: 1000x1000 → 1008x1008', () => {
    expect(rulesBroken('1000x1000')).toEqual(['size 1000x1000: both sides must be divisible by 16; nearest valid size is 1008x1008']);
  });
  it('longer edge at most 3840, both orientations', () => {
    ok('3840x1280');
    ok('1280x3840');
    expect(rulesBroken('3856x1296')).toEqual([expect.stringMatching(/longer edge must be at most 3840 px \(it is 3856\)/)]);
    expect(rulesBroken('1296x3856')).toEqual([expect.stringMatching(/longer edge must be at most 3840 px \(it is 3856\)/)]);
  });
  it('long:short at most 3:1, both orientations', () => {
    ok('2304x768');
    ok('768x2304');
    expect(rulesBroken('2304x752')).toEqual([expect.stringMatching(/ratio must be at most 3:1 \(it is 3\.06:1\)/)]);
    expect(rulesBroken('752x2304')).toEqual([expect.stringMatching(/ratio must be at most 3:1/)]);
  });
  it('at least 655,360 pixels, both orientations', () => {
    ok('1024x640');
    ok('640x1024');
    expect(rulesBroken('1024x624')).toEqual([expect.stringMatching(/pixel count must be between 655,360 and 8,294,400 \(it is 638,976\)/)]);
    expect(rulesBroken('624x1024')).toHaveLength(1);
  });
  it('at most 8,294,400 pixels, both orientations', () => {
    ok('2880x2880');
    ok('3840x2160');
    ok('2160x3840');
    expect(rulesBroken('2896x2880')).toEqual([expect.stringMatching(/\(it is 8,340,480\); nearest valid size is /)]);
    expect(rulesBroken('2880x2896')).toHaveLength(1);
  });
  it('reports every broken rule with the same nearest size', () => {
    const messages = rulesBroken('4000x1000');
    expect(messages).toHaveLength(3);
    for (const m of messages) expect(m).toMatch(/nearest valid size is 3840x1280$/);
  });
  it('refuses text that is not WIDTHxHEIGHT', () => {
    expect(rulesBroken('big')).toEqual(['size must look like WIDTHxHEIGHT, e.g. 2304x1536 (got "big")']);
    expect(issuesOf({ prompt: 'p', size: 1024 })[0]?.message).toMatch(/^size must be WIDTHxHEIGHT text/);
  });
  it('normalises accepted sizes to WxH', () => {
    const result = validateOptions({ prompt: 'p', size: ' 2304 × 1536 ' });
    expect(result.ok && result.value.size).toBe('2304x1536');
  });
});

describe('choices', () => {
  it.each([
    ['mode', 'remix'], ['resolution', '8K'], ['quality', 'ultra'], ['aspectRatio', '5:3'],
    ['outputFormat', 'gif'], ['background', 'blue'], ['moderation', 'off'],
  ])('%s refuses %s naming the field, the allowed values and the value', (field, value) => {
    const [issue] = issuesOf({ prompt: 'p', [field]: value });
    expect(issue?.path).toBe(field);
    expect(issue?.message).toMatch(new RegExp(`^${field} must be one of .+ \\(got "${value}"\\)$`));
  });
  it('accepts all 11 aspect presets', () => {
    for (const aspectRatio of ['auto', '1:1', '2:3', '3:2', '4:3', '3:4', '4:5', '5:4', '16:9', '9:16', '21:9']) accepts({ prompt: 'p', aspectRatio });
  });
  it('refuses unknown keys so a typo is not silently ignored', () => {
    const [issue] = issuesOf({ prompt: 'p', quallity: 'high' });
    expect(issue).toEqual({ path: 'quallity', message: expect.stringMatching(/^unknown option "quallity"; known options are mode, prompt/) });
  });
  it('refuses a non-object', () => {
    expect(issuesOf(null)[0]?.message).toBe('options must be an object with at least a prompt (got null)');
  });
});

describe('images', () => {
  const png = makePng(64, 48);
  const image = { bytes: png, name: 'a.png' };
  it('edit takes 1 to 16 images and reads each header', () => {
    const one = validateOptions({ prompt: 'p', mode: 'edit', images: [image] });
    expect(one.ok && one.value.images[0]).toMatchObject({ source: 'bytes', mediaType: 'image/png', width: 64, height: 48, name: 'a.png' });
    accepts({ prompt: 'p', mode: 'edit', images: Array(16).fill(image) });
    expect(issuesOf({ prompt: 'p', mode: 'edit', images: Array(17).fill(image) })[0]?.message).toBe('images: at most 16 images per request (got 17)');
  });
  it('edit with no image is refused', () => {
    expect(issuesOf({ prompt: 'p', mode: 'edit' })[0]).toEqual({ path: 'images', message: 'images: edit needs at least one image, the one being edited (got none)' });
  });
  it('generate with images is refused rather than silently dropping them', () => {
    expect(issuesOf({ prompt: 'p', images: [image] })[0]?.message).toMatch(/images are used by edit only/);
  });
  it('sniffs the type from the bytes, not the name', () => {
    const jpegNamedPng = validateOptions({ prompt: 'p', mode: 'edit', images: [{ bytes: makeJpeg(32, 16), name: 'x.png' }] });
    expect(jpegNamedPng.ok && jpegNamedPng.value.images[0]).toMatchObject({ mediaType: 'image/jpeg', width: 32, height: 16 });
    const gif = new TextEncoder().encode('GIF89a......');
    expect(issuesOf({ prompt: 'p', mode: 'edit', images: [{ bytes: gif, name: 'x.png' }] })[0]).toEqual({
      path: 'images[0]',
      message: 'images[0] (x.png) must be a PNG, JPEG or WebP image (the bytes look like GIF)',
    });
  });
  it('50 MB passes, one byte more fails', () => {
    const exact = new Uint8Array(MAX_IMAGE_BYTES);
    exact.set(png);
    accepts({ prompt: 'p', mode: 'edit', images: [{ bytes: exact }] });
    const over = new Uint8Array(MAX_IMAGE_BYTES + 1);
    over.set(png);
    expect(issuesOf({ prompt: 'p', mode: 'edit', images: [{ bytes: over }] })[0]?.message).toBe('images[0] must be at most 50 MB (it is 50.0 MB)');
  });
  it('takes http(s) URLs and refuses other schemes', () => {
    accepts({ prompt: 'p', mode: 'edit', images: [{ url: 'https://example.com/a.png' }] });
    expect(issuesOf({ prompt: 'p', mode: 'edit', images: [{ url: 'file:///etc/passwd' }] })[0]?.path).toMatch(/^images\[0\]/);
  });
});

describe('cross-field rules', () => {
  it('transparent needs png or webp', () => {
    accepts({ prompt: 'p', background: 'transparent', outputFormat: 'webp' });
    expect(issuesOf({ prompt: 'p', background: 'transparent', outputFormat: 'jpeg' })[0]).toEqual({
      path: 'background',
      message: 'background transparent needs outputFormat png or webp (got jpeg, which has no alpha channel)',
    });
  });
  it('moderation low is for generate only', () => {
    accepts({ prompt: 'p', moderation: 'low' });
    expect(issuesOf({ prompt: 'p', mode: 'edit', moderation: 'low', images: [{ bytes: makePng(8, 8) }] })[0]?.path).toBe('moderation');
  });
});
