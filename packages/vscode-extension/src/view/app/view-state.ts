/**
 * What the webview keeps across hiding and showing the view (or a reload of the webview), through
 * the webview state API (`setState` / `getState`): the form and the last result. Pure, zod-free:
 * {@link restoreViewState} takes whatever `getState()` returns (it may come from an older build, or
 * be missing) and keeps only what still fits, falling back field by field to the initial form.
 */
import { ASPECT_RATIOS, MODES, QUALITIES, RESOLUTIONS } from '@gpt-image/core/options';
import type { GalleryItem, ViewImage } from '../protocol';
import { INITIAL_FORM, type FormState } from './form-state';

/** Bumped when the shape changes: an older state is then ignored. */
export const VIEW_STATE_VERSION = 1;

/** What is stored. */
export interface ViewState {
  readonly version: typeof VIEW_STATE_VERSION;
  readonly form: FormState;
  readonly result: GalleryItem | null;
}

/** The state to store for the current form and result. */
export function serialiseViewState(form: FormState, result: GalleryItem | null): ViewState {
  return { version: VIEW_STATE_VERSION, form: { ...form, images: [...form.images] }, result };
}

/** The stored state, checked; null when there is none or it is not this version's. */
export function restoreViewState(raw: unknown): ViewState | null {
  if (!isRecord(raw) || raw.version !== VIEW_STATE_VERSION || !isRecord(raw.form)) return null;
  const form = raw.form;
  const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
  const restored: FormState = {
    // The provider is the host's (it comes with `init`); kept only until then.
    provider: pick(form.provider, ['placeholder', 'openai', 'kie'], INITIAL_FORM.provider),
    mode: pick(form.mode, MODES, INITIAL_FORM.mode),
    prompt: typeof form.prompt === 'string' ? form.prompt : INITIAL_FORM.prompt,
    resolution: pick(form.resolution, RESOLUTIONS, INITIAL_FORM.resolution),
    quality: pick(form.quality, QUALITIES, INITIAL_FORM.quality),
    aspectRatio: pick(form.aspectRatio, ASPECT_RATIOS, INITIAL_FORM.aspectRatio),
    sizeText: typeof form.sizeText === 'string' ? form.sizeText : INITIAL_FORM.sizeText,
    images: Array.isArray(form.images) ? form.images.filter(isViewImage).slice(0, 16) : [],
  };
  return { version: VIEW_STATE_VERSION, form: restored, result: isGalleryItem(raw.result) ? raw.result : null };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isThumbnail = (value: unknown): boolean => value === null || isString(value);

function isViewImage(value: unknown): value is ViewImage {
  return isRecord(value) && isString(value.path) && value.path !== '' && isString(value.name) && isThumbnail(value.thumbnail) && isString(value.head);
}

function isGalleryItem(value: unknown): value is GalleryItem {
  return (
    isRecord(value) &&
    isString(value.path) &&
    value.path !== '' &&
    ['name', 'prompt', 'size', 'createdAt'].every((key) => isString(value[key])) &&
    isThumbnail(value.thumbnail)
  );
}
