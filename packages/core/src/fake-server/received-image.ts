import { sniffImage } from '../images/sniff-image';
import { sha256Hex } from '../internal/hash';
import type { RecordedImage } from './request-log';

/** Describes image bytes the server received, for the request log and for edit captions. */
export async function describeReceivedImage(
  bytes: Uint8Array,
  part: { readonly field: string; readonly filename: string | null; readonly contentType: string },
): Promise<RecordedImage> {
  const info = sniffImage(bytes);
  return {
    field: part.field,
    filename: part.filename,
    contentType: part.contentType,
    byteLength: bytes.length,
    sha256: await sha256Hex(bytes),
    sniffedType: info?.mediaType ?? null,
    width: info?.width ?? null,
    height: info?.height ?? null,
  };
}

/** How many hex digits of each input's SHA-256 an edit caption shows. */
export const CAPTION_HASH_DIGITS = 8;

/**
 * The caption of an edited image: it names the inputs by hash prefix in the order received, so a
 * test can check that a client sent the right images in the right order by looking at the result.
 */
export function editCaption(images: readonly { readonly sha256: string }[]): string {
  const count = images.length;
  const hashes = images.map((image) => image.sha256.slice(0, CAPTION_HASH_DIGITS)).join(', ');
  return `edit of ${count} image${count === 1 ? '' : 's'}: ${hashes}`;
}
