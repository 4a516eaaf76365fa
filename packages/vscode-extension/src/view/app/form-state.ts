/**
 * The form's state and the reducer that changes it, plus what is derived from it (counter, size
 * message, and the `price` question). Pure: no DOM, no messages, so the unit tests drive it
 * directly. Only zod-free core entry points (`/sizes`, `/options`): the cost text and any refusal
 * are the host's answer (`price` → `priced`, computed with the core's `prepareRequest` +
 * `formatCost` in ../host/view-price.ts), the same check the command makes again.
 */
import { formatSize, parseSize, sizeRuleMessages } from '@gpt-image/core/sizes';
import { MAX_PROMPT_CODE_POINTS, promptLength, type AspectRatio, type Mode, type Quality, type Resolution } from '@gpt-image/core/options';
import type { ProviderId } from '@gpt-image/core/contract';
import type { GenerateRequest, PriceRequest, ViewImage } from '../protocol';

export interface FormState {
  readonly provider: ProviderId;
  readonly mode: Mode;
  readonly prompt: string;
  readonly resolution: Resolution;
  readonly quality: Quality;
  readonly aspectRatio: AspectRatio;
  /** The custom size as typed; empty means "use resolution and aspect ratio". */
  readonly sizeText: string;
  /** Edit: the first is the image being edited. */
  readonly images: readonly ViewImage[];
}

export const INITIAL_FORM: FormState = {
  provider: 'placeholder',
  mode: 'generate',
  prompt: '',
  resolution: '1K',
  quality: 'low',
  aspectRatio: 'auto',
  sizeText: '',
  images: [],
};

export type FormAction =
  | { readonly type: 'set'; readonly patch: Partial<Pick<FormState, 'provider' | 'mode' | 'prompt' | 'resolution' | 'quality' | 'aspectRatio' | 'sizeText'>> }
  | { readonly type: 'addImages'; readonly images: readonly ViewImage[] }
  | { readonly type: 'removeImage'; readonly index: number }
  | { readonly type: 'moveImage'; readonly index: number; readonly by: -1 | 1 };

/** The form's reducer. */
export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'set':
      return { ...state, ...action.patch };
    case 'addImages': {
      const known = new Set(state.images.map((image) => image.path));
      const added = action.images.filter((image) => !known.has(image.path));
      return { ...state, mode: 'edit', images: [...state.images, ...added].slice(0, 16) };
    }
    case 'removeImage':
      return { ...state, images: state.images.filter((_, i) => i !== action.index) };
    case 'moveImage': {
      const to = action.index + action.by;
      const moving = state.images[action.index];
      const other = state.images[to];
      if (!moving || !other) return state;
      const images = [...state.images];
      images[to] = moving;
      images[action.index] = other;
      return { ...state, images };
    }
  }
}

/** What the view shows about the form. */
export interface FormView {
  /** "12 / 20,000". */
  readonly counter: string;
  readonly promptTooLong: boolean;
  /** The custom size's problems, as the core words them; null when empty or valid. */
  readonly sizeMessage: string | null;
  /** "1008x1008" when the typed size is invalid and a valid one is near. */
  readonly nearestSize: string | null;
}

const countFormat = new Intl.NumberFormat('en-US');

/** Derives the counter and the size check from the state. */
export function viewOf(state: FormState): FormView {
  const length = promptLength(state.prompt);
  const size = sizeCheck(state.sizeText);
  return {
    counter: `${countFormat.format(length)} / ${countFormat.format(MAX_PROMPT_CODE_POINTS)}`,
    promptTooLong: length > MAX_PROMPT_CODE_POINTS,
    sizeMessage: size.message,
    nearestSize: size.nearest,
  };
}

function sizeCheck(text: string): { message: string | null; nearest: string | null } {
  const trimmed = text.trim();
  if (trimmed === '') return { message: null, nearest: null };
  const size = parseSize(trimmed);
  if (!size) return { message: 'write the size as WIDTHxHEIGHT, e.g. 1536x1024', nearest: null };
  const refusal = sizeRuleMessages(size);
  return refusal ? { message: refusal.messages.join('; '), nearest: formatSize(refusal.nearest) } : { message: null, nearest: null };
}

/** The `price` question for the current state, numbered `seq` (reference images by their first bytes). */
export function priceRequestOf(state: FormState, seq: number): PriceRequest {
  const size = state.sizeText.trim();
  return {
    seq,
    provider: state.provider,
    mode: state.mode,
    prompt: state.prompt,
    resolution: state.resolution,
    quality: state.quality,
    aspectRatio: state.aspectRatio,
    ...(size ? { size } : {}),
    images: state.mode === 'edit' ? state.images.map((image) => ({ name: image.name, head: image.head })) : [],
  };
}

/** The `generate` message for the current state. */
export function generateRequestOf(state: FormState): GenerateRequest {
  const size = state.sizeText.trim();
  return {
    mode: state.mode,
    prompt: state.prompt,
    resolution: state.resolution,
    quality: state.quality,
    aspectRatio: state.aspectRatio,
    ...(size ? { size } : {}),
    images: state.mode === 'edit' ? state.images.map((image) => image.path) : [],
  };
}
