export { MAX_IMAGES, MAX_IMAGE_BYTES } from '@gpt-image/core/contract';

/**
 * The largest image Figma places: `figma.createImage` refuses more than 4096 px a side
 * (https://developers.figma.com/docs/plugins/api/properties/figma-createimage).
 */
export const MAX_FIGMA_IMAGE_SIDE = 4096;
