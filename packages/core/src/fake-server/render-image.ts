import { UnsupportedFormatError, renderPlaceholder } from '../placeholder/index';

/** A rendered result and the format it really has. */
export interface RenderedImage {
  readonly bytes: Uint8Array;
  readonly format: 'png' | 'jpeg' | 'webp';
}

/**
 * Renders the placeholder picture for a fake result. WebP cannot be encoded in Node, so a WebP
 * request gets a PNG (the real format is returned, and clients that sniff bytes will see PNG);
 * answering 400 instead would make the fake refuse what the vendor accepts.
 */
export async function renderImage(spec: {
  readonly prompt: string;
  readonly width: number;
  readonly height: number;
  readonly format: 'png' | 'jpeg' | 'webp';
  readonly background: 'auto' | 'opaque' | 'transparent';
  readonly caption?: string | undefined;
}): Promise<RenderedImage> {
  const { caption, ...rest } = spec;
  const base = { ...rest, ...(caption !== undefined ? { caption } : {}) };
  try {
    return { bytes: await renderPlaceholder(base), format: spec.format };
  } catch (error) {
    if (!(error instanceof UnsupportedFormatError)) throw error;
    return { bytes: await renderPlaceholder({ ...base, format: 'png' }), format: 'png' };
  }
}
