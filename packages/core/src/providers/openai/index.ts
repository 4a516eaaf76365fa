/**
 * The OpenAI provider (gpt-image-2 through the official `openai` SDK, loaded on first use).
 * Browser-safe: `fetch` comes from the task context.
 */
export { createOpenAiProvider } from './openai-provider';
export { DEFAULT_OPENAI_BASE_URL, DEFAULT_OPENAI_TIMEOUT_MS, DEFAULT_PREVIEW_PARTIAL_IMAGES, type OpenAiConfig } from './openai-config';
export { openAiParams, type OpenAiParams, type OpenAiParamsSettings, type OpenAiCommonBody, type OpenAiGenerateBody } from './openai-params';
export { costFromUsage, type OpenAiUsage } from './openai-usage';
