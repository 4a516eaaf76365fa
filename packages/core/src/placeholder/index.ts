/**
 * The placeholder renderer: offline images of an exact size, for trying the product without a
 * key and for tests. Browser-safe (no Node modules, no Buffer).
 */
export { renderPlaceholder, type PlaceholderSpec } from './render-placeholder';
export { UnsupportedFormatError } from '../codecs/unsupported-format-error';
export { encodePng, type PngPixels } from '../codecs/png-encoder';
