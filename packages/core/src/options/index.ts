/**
 * @gpt-image/core/options — the allowed option values and the prompt rule only: no schema, no zod,
 * for bundles that must stay small (the VS Code webview).
 */
export * from './option-values';
export { promptLength, promptProblem } from './prompt-rule';
