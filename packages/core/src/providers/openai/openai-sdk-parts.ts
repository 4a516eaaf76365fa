/**
 * The parts of the `openai` SDK this provider uses, imported from the SDK's own sub-paths. The
 * package index also exports the Azure and Bedrock clients (and everything they import), which a
 * bundler must keep when the whole index is loaded as one namespace; going through this list
 * keeps a browser bundle (the Figma UI) to what is really used.
 */
export { OpenAI } from 'openai/client';
export { toFile } from 'openai/uploads';
export { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai/error';
