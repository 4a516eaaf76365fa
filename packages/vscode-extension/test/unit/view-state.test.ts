import { describe, expect, it } from 'vitest';
import { INITIAL_FORM, type FormState } from '../../src/view/app/form-state';
import { restoreViewState, serialiseViewState, VIEW_STATE_VERSION } from '../../src/view/app/view-state';
import type { GalleryItem } from '../../src/view/protocol';

const form: FormState = {
  provider: 'openai',
  mode: 'edit',
  prompt: 'A lighthouse at dusk',
  resolution: '2K',
  quality: 'high',
  aspectRatio: '16:9',
  sizeText: '1536x1024',
  images: [{ path: '/w/a.png', name: 'a.png', thumbnail: 'data:image/png;base64,iVBO', head: 'iVBO' }],
};
const result: GalleryItem = { path: '/w/out.png', name: 'out.png', prompt: 'A fox', size: '1024x1024', createdAt: '2025-01-01T00:00:00Z', thumbnail: null };

/** What the webview state API does to a value: a structured clone (JSON here is as strict). */
const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('view state kept while the view is hidden', () => {
  it('restores the form and the last result it stored', () => {
    const restored = restoreViewState(roundTrip(serialiseViewState(form, result)));
    expect(restored).toEqual({ version: VIEW_STATE_VERSION, form, result });
  });

  it('restores a state without a result', () => {
    expect(restoreViewState(roundTrip(serialiseViewState(INITIAL_FORM, null)))).toEqual({ version: VIEW_STATE_VERSION, form: INITIAL_FORM, result: null });
  });

  it('returns null when nothing (or another version) was stored', () => {
    expect(restoreViewState(undefined)).toBeNull();
    expect(restoreViewState(null)).toBeNull();
    expect(restoreViewState('form')).toBeNull();
    expect(restoreViewState({ version: 0, form, result })).toBeNull();
    expect(restoreViewState({ version: VIEW_STATE_VERSION })).toBeNull();
  });

  it('falls back field by field and drops what does not fit', () => {
    const stored = {
      version: VIEW_STATE_VERSION,
      form: { ...form, resolution: '8K', quality: 7, mode: 'paint', images: [form.images[0], { path: '' }, 'x'], extra: true },
      result: { path: '/w/out.png' },
    };
    const restored = restoreViewState(stored);
    expect(restored?.form).toEqual({ ...form, resolution: INITIAL_FORM.resolution, quality: INITIAL_FORM.quality, mode: INITIAL_FORM.mode });
    expect(restored?.result).toBeNull();
  });

  it('stores a copy: later changes of the form do not change what was stored', () => {
    const images = [...form.images];
    const stored = serialiseViewState({ ...form, images }, result);
    images.pop();
    expect(stored.form.images).toHaveLength(1);
  });
});
