import * as z from 'zod/mini';
import { MAX_IMAGE_BYTES } from '../options/option-values';
import { describeImageKind, sniffImage, type ImageInfo } from './sniff-image';

/**
 * Bytes in any realm: `instanceof Uint8Array` fails for arrays made in another frame (the Figma UI,
 * test environments), so the tag is checked instead. Node's Buffer passes as the subclass it is.
 */
const bytesSchema = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]',
  { error: 'must be the image bytes (a Uint8Array)' },
);

/** A reference image as a caller gives it: bytes read from somewhere, or a URL a provider can fetch. */
export const referenceImageInputSchema = z.union([
  z.strictObject({ bytes: bytesSchema, name: z.optional(z.string()) }),
  z.strictObject({
    url: z.url({ protocol: /^https?$/, error: (issue) => `must be an http or https address (got ${JSON.stringify(issue.input)})` }),
    name: z.optional(z.string()),
  }),
]);
export type ReferenceImageInput = z.input<typeof referenceImageInputSchema>;

/** A reference image once checked: bytes with what their header says, or a URL. */
export type ReferenceImage =
  | ({ readonly source: 'bytes'; readonly bytes: Uint8Array; readonly name?: string } & ImageInfo)
  | { readonly source: 'url'; readonly url: string; readonly name?: string };

/** Why some bytes cannot be a reference image, or null when they can. */
export function referenceImageProblem(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_IMAGE_BYTES) {
    return `must be at most 50 MB (it is ${(bytes.length / (1024 * 1024)).toFixed(1)} MB)`;
  }
  if (!sniffImage(bytes)) {
    return `must be a PNG, JPEG or WebP image (the bytes look like ${describeImageKind(bytes)})`;
  }
  return null;
}

/** Turns a checked input into a reference image. The bytes must already have passed `referenceImageProblem`. */
export function toReferenceImage(input: z.output<typeof referenceImageInputSchema>): ReferenceImage {
  const name = input.name === undefined ? {} : { name: input.name };
  if ('url' in input) return { source: 'url', url: input.url, ...name };
  const info = sniffImage(input.bytes);
  if (!info) throw new Error('reference image bytes were not checked before use');
  return { source: 'bytes', bytes: input.bytes, ...info, ...name };
}
