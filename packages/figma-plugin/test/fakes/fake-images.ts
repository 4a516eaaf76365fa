import { createHash } from 'node:crypto';
import type { FakeDocument } from './fake-document';
import { readImageHeader } from './image-bytes';

/**
 * `figma.createImage` and `figma.getImageByHash`, as documented
 * (https://developers.figma.com/docs/plugins/api/properties/figma-createimage): the bytes must be
 * PNG, JPEG or GIF — recognised by their header, not by any name — and at most 4096 px a side;
 * otherwise it throws ("Image type is unsupported", "Image is too large"). The hash is the SHA-1 of
 * the bytes, so the same image gets the same hash; images live in the document's image store.
 */
export function fakeImages(document: FakeDocument): { createImage(bytes: Uint8Array): Image; getImageByHash(hash: string): Image | null } {
  const handle = (hash: string, bytes: Uint8Array, size: { width: number; height: number }): Image => ({
    hash,
    getBytesAsync: async () => bytes.slice(),
    getSizeAsync: async () => ({ ...size }),
  });
  return {
    createImage(bytes) {
      const header = readImageHeader(bytes);
      if (!header || header.format === 'WEBP') throw new Error('Image type is unsupported');
      if (header.width > 4096 || header.height > 4096) throw new Error('Image is too large');
      const hash = createHash('sha1').update(bytes).digest('hex');
      document.images.set(hash, bytes.slice());
      return handle(hash, bytes, header);
    },
    getImageByHash(hash) {
      const bytes = document.images.get(hash);
      const header = bytes ? readImageHeader(bytes) : null;
      return bytes && header ? handle(hash, bytes, header) : null;
    },
  };
}
