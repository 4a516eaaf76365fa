import { describe, expect, it } from 'vitest';
import type { FormState } from '../../src/view/app/form-state';
import { formReducer, generateRequestOf, INITIAL_FORM, priceRequestOf, viewOf } from '../../src/view/app/form-state';
import { pricedAnswer } from '../../src/view/host/view-price';
import type { ViewImage } from '../../src/view/protocol';

const form = (patch: Partial<FormState> = {}): FormState => ({ ...INITIAL_FORM, prompt: 'A lighthouse at dusk', ...patch });
/** A PNG header (signature + IHDR) of the given size: enough for the core to sniff. */
function pngHead(width: number, height: number): string {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return Buffer.from(bytes).toString('base64');
}
const image = (name: string): ViewImage => ({ path: `/w/${name}`, name, thumbnail: null, head: pngHead(1024, 1024) });
/** The webview's `price` question for a state, answered as the host answers it. */
const priced = (state: FormState, seq = 1) => pricedAnswer(priceRequestOf(state, seq));

describe('form counter', () => {
  it('counts code points (an emoji is one) against 20,000', () => {
    expect(viewOf(form({ prompt: 'Fox 🦊' })).counter).toBe('5 / 20,000');
  });

  it('turns to an error past the limit, and the cost gives way to the refusal', () => {
    const state = form({ prompt: 'a'.repeat(20_001) });
    const view = viewOf(state);
    expect(view.counter).toBe('20,001 / 20,000');
    expect(view.promptTooLong).toBe(true);
    expect(priced(state).cost).toBeNull();
    expect(priced(state).refusal).toMatch(/prompt/);
  });
});

describe('custom size', () => {
  it("shows the core's message and the nearest valid size", () => {
    const state = form({ sizeText: '1000x1000' });
    const view = viewOf(state);
    expect(view.sizeMessage).toBe('both sides must be divisible by 16; nearest valid size is 1008x1008');
    expect(view.nearestSize).toBe('1008x1008');
    expect(priced(state)).toMatchObject({ cost: null, refusal: expect.stringMatching(/16/) });
  });

  it('is quiet when empty or valid, and asks for the form when unreadable', () => {
    expect(viewOf(form({ sizeText: '' })).sizeMessage).toBeNull();
    expect(viewOf(form({ sizeText: '1536x1024' })).sizeMessage).toBeNull();
    expect(viewOf(form({ sizeText: 'big' })).sizeMessage).toMatch(/WIDTHxHEIGHT/);
  });

  it('overrides resolution and aspect ratio in the request', () => {
    expect(generateRequestOf(form({ sizeText: ' 1536x1024 ' }))).toMatchObject({ size: '1536x1024' });
    expect(generateRequestOf(form())).not.toHaveProperty('size');
  });
});

describe('cost text per provider (the host\'s answer to the view\'s price question)', () => {
  it('is free for the placeholder', () => {
    expect(priced(form({ resolution: '2K', aspectRatio: '16:9' }), 7)).toEqual({ seq: 7, cost: 'free', refusal: null });
  });

  it('is in credits for kie', () => {
    expect(priced(form({ provider: 'kie', resolution: '1K', aspectRatio: '1:1' })).cost).toMatch(/^\d+(\.\d)? credits?$/);
  });

  it('is an estimate in dollars for OpenAI', () => {
    expect(priced(form({ provider: 'openai', resolution: '1K', aspectRatio: '1:1', quality: 'medium' })).cost).toMatch(/^\$\d+\.\d{3} est\.$/);
  });

  it('prices a custom size instead of resolution and aspect ratio', () => {
    const custom = priced(form({ provider: 'openai', sizeText: ' 3840x2160 ', resolution: '1K', aspectRatio: '1:1' })).cost;
    expect(custom).toMatch(/est\.$/);
    expect(custom).not.toBe(priced(form({ provider: 'openai', resolution: '1K', aspectRatio: '1:1' })).cost);
  });

  it('refuses an edit without images', () => {
    const answer = priced(form({ mode: 'edit' }));
    expect(answer.cost).toBeNull();
    expect(answer.refusal).toMatch(/image/);
  });

  it('prices an edit with references from their headers', () => {
    const state = formReducer(form({ provider: 'openai' }), { type: 'addImages', images: [image('a.png'), image('b.png')] });
    expect(state.mode).toBe('edit');
    expect(priceRequestOf(state, 3)).toMatchObject({ seq: 3, mode: 'edit', images: [{ name: 'a.png' }, { name: 'b.png' }] });
    expect(priced(state).cost).toMatch(/est\.$/);
  });

  it('sends no images with a generate question', () => {
    const two = formReducer(form(), { type: 'addImages', images: [image('a.png')] });
    expect(priceRequestOf({ ...two, mode: 'generate' }, 1).images).toEqual([]);
  });
});

describe('reference images', () => {
  const two = formReducer(form(), { type: 'addImages', images: [image('a.png'), image('b.png')] });

  it('adds without duplicates, and moves up and down', () => {
    expect(formReducer(two, { type: 'addImages', images: [image('a.png')] }).images).toHaveLength(2);
    expect(formReducer(two, { type: 'moveImage', index: 1, by: -1 }).images.map((i) => i.name)).toEqual(['b.png', 'a.png']);
    expect(formReducer(two, { type: 'moveImage', index: 1, by: 1 })).toBe(two);
  });

  it('sends the paths in order, only for edits', () => {
    expect(generateRequestOf(two).images).toEqual(['/w/a.png', '/w/b.png']);
    expect(generateRequestOf({ ...two, mode: 'generate' }).images).toEqual([]);
  });
});
