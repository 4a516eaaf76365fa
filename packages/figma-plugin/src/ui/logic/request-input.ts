import { formatCost, formatSize, prepareRequest, type PreparedRequest } from '@gpt-image/core';
import { MAX_FIGMA_IMAGE_SIDE } from '../../protocol/limits';
import type { FormState } from './form-state';
import type { SizeChoice } from './size-choice';

/** One image as core takes it. */
export interface RequestImage {
  readonly bytes: Uint8Array;
  readonly name: string;
}

/** The form (and images) as input for core's `prepareRequest`: always PNG, which Figma can place. */
export function requestInput(form: FormState, choice: SizeChoice, images: readonly RequestImage[]): Record<string, unknown> {
  return {
    mode: images.length > 0 ? 'edit' : 'generate',
    prompt: form.prompt,
    resolution: form.resolution,
    quality: form.quality,
    // Figma's createImage takes PNG, JPEG or GIF: never WebP (SPEC 5); PNG keeps transparency.
    outputFormat: 'png',
    ...(choice.kind === 'size'
      ? { size: formatSize(choice.size) }
      : { aspectRatio: choice.kind === 'preset' ? choice.aspectRatio : form.aspect === 'custom' ? 'auto' : form.aspect }),
    ...(images.length > 0 ? { images: images.map((image) => ({ bytes: image.bytes, name: image.name })) } : {}),
  };
}

/** A request that can be sent, or every reason it cannot. */
export type Preparation = { readonly ok: true; readonly request: PreparedRequest } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Core's gate plus the host's narrowing: the result must be an image Figma places (PNG, at most
 * 4096 px a side). Nothing is sent unless this says ok.
 */
export function prepareForFigma(form: FormState, choice: SizeChoice, images: readonly RequestImage[]): Preparation {
  if (choice.kind === 'invalid') return { ok: false, problems: choice.problems };
  const prepared = prepareRequest(requestInput(form, choice, images), form.provider);
  if (!prepared.ok) return { ok: false, problems: prepared.issues.map((issue) => issue.message) };
  const { request } = prepared;
  if (request.options.outputFormat !== 'png') return { ok: false, problems: ['Figma places PNG or JPEG images only; the request must ask for PNG.'] };
  if (request.size && Math.max(request.size.width, request.size.height) > MAX_FIGMA_IMAGE_SIDE) {
    return { ok: false, problems: [`Figma places images of at most ${MAX_FIGMA_IMAGE_SIDE} px a side; ${formatSize(request.size)} is larger.`] };
  }
  return { ok: true, request };
}

/** The cost line: "$0.021 est." or "10 credits", with the size when it is known. */
export function costLine(request: PreparedRequest): string {
  const size = request.size ? formatSize(request.size) : 'size chosen by the provider';
  return `${formatCost(request.cost)} · ${size}`;
}
