/**
 * @gpt-image/core/sizes — the size rule, the preset table and the nearest-size search only: no
 * schema, no zod, nothing that touches the world, for bundles that must stay small (Figma's main
 * thread).
 */
export { SIZE_RULE, sizeViolations, isValidSize, isExperimentalSize, formatSize } from './size-rule';
export type { PixelSize, SizeViolation } from './size-rule';
export { parseSize } from './parse-size';
export { nearestValidSize, sizeForShape } from './nearest-size';
export { PRESET_SIZES, presetSize, tierPixelBudget, type PresetSize } from './preset-sizes';
export { sizeRuleMessages } from './size-rule-message';
