/**
 * The parameters of `images.generate` / `images.edit`, checked the way the vendor checks them for
 * gpt-image-2 (SPEC 3.2), so a client bug shows up here as the 400 it would get in production.
 */
import { promptLength } from '../options/prompt-rule';
import { parseSize } from '../sizes/parse-size';
import { formatSize, sizeViolations, type PixelSize } from '../sizes/size-rule';
import { invalidParam, type OpenAiErrorBody } from './openai-errors';

/** The one model the fake serves. */
export const OPENAI_MODEL = 'gpt-image-2';

/** The vendor's prompt limit for GPT image models (larger than the product's own 20,000). */
const MAX_PROMPT_LENGTH = 32_000;

const QUALITIES = ['low', 'medium', 'high', 'auto'] as const;
const FORMATS = ['png', 'jpeg', 'webp'] as const;
const BACKGROUNDS = ['auto', 'opaque', 'transparent'] as const;
const MODERATIONS = ['auto', 'low'] as const;

const COMMON_PARAMS = ['model', 'prompt', 'n', 'quality', 'size', 'output_format', 'output_compression', 'background', 'stream', 'partial_images', 'user'];
/** What each endpoint takes; `moderation` is generate-only, image parts edit-only. */
const ALLOWED_PARAMS = {
  generate: new Set([...COMMON_PARAMS, 'moderation']),
  edit: new Set([...COMMON_PARAMS, 'image', 'image[]', 'mask']),
} as const;

/** Parameters the product must never send for this model (SPEC 3.2), with the vendor's reason. */
const REFUSED_PARAMS: Readonly<Record<string, string>> = {
  input_fidelity: "input_fidelity is not supported for model 'gpt-image-2'.",
  response_format: "response_format is not supported for GPT image models; they always return base64-encoded images.",
};

/** A checked image request. */
export interface ImageParams {
  readonly prompt: string;
  /** `auto` until the endpoint picks a size. */
  readonly size: PixelSize | 'auto';
  readonly quality: (typeof QUALITIES)[number];
  readonly outputFormat: (typeof FORMATS)[number];
  readonly outputCompression: number | null;
  readonly background: 'auto' | 'opaque';
  readonly n: number;
  readonly stream: boolean;
  readonly partialImages: number;
}

/**
 * Checks the parameters of one endpoint. `fromForm` means the values are multipart text fields,
 * so numbers and booleans arrive as strings.
 * @param names every parameter name present (file parts included), to refuse unknown ones.
 */
export function checkImageParams(
  endpoint: 'generate' | 'edit',
  params: Readonly<Record<string, unknown>>,
  names: readonly string[],
  fromForm: boolean,
): ImageParams | OpenAiErrorBody {
  for (const name of names) {
    const refused = REFUSED_PARAMS[name];
    if (refused) return invalidParam(name, refused, 'unsupported_parameter');
  }
  const unknown = names.find((name) => !ALLOWED_PARAMS[endpoint].has(name));
  if (unknown !== undefined) return invalidParam(unknown, `Unknown parameter: '${unknown}'.`, 'unknown_parameter');

  // JSON null means "default", as in the vendor's API.
  const get = (name: string): unknown => (params[name] === null ? undefined : params[name]);
  const model = get('model');
  if (model === undefined) return invalidParam('model', "Missing required parameter: 'model'.", 'missing_required_parameter');
  if (model !== OPENAI_MODEL) {
    return invalidParam('model', `Invalid value for 'model': ${JSON.stringify(model)}. This server serves '${OPENAI_MODEL}' only.`, 'invalid_value');
  }
  const prompt = get('prompt');
  if (typeof prompt !== 'string' || prompt.trim() === '') {
    return invalidParam('prompt', "Missing required parameter: 'prompt'.", 'missing_required_parameter');
  }
  if (promptLength(prompt) > MAX_PROMPT_LENGTH) {
    return invalidParam('prompt', `Invalid 'prompt': string too long. Expected a string with maximum length ${MAX_PROMPT_LENGTH}.`, 'string_above_max_length');
  }
  const size = checkSize(get('size'));
  if (!isSize(size)) return size;
  const quality = oneOf('quality', get('quality') ?? 'auto', QUALITIES);
  if (typeof quality !== 'string') return quality;
  const outputFormat = oneOf('output_format', get('output_format') ?? 'png', FORMATS);
  if (typeof outputFormat !== 'string') return outputFormat;
  const background = oneOf('background', get('background') ?? 'auto', BACKGROUNDS);
  if (typeof background !== 'string') return background;
  if (background === 'transparent') {
    return invalidParam('background', 'Transparent background is not supported for this model.', 'invalid_value');
  }
  if (endpoint === 'generate') {
    const moderation = oneOf('moderation', get('moderation') ?? 'auto', MODERATIONS);
    if (typeof moderation !== 'string') return moderation;
  }
  const compression = integer('output_compression', get('output_compression'), fromForm, 0, 100);
  if (typeof compression !== 'number' && compression !== null) return compression;
  if (compression !== null && compression < 100 && outputFormat === 'png') {
    return invalidParam('output_compression', 'Compression less than 100 is only supported for JPEG and WEBP output formats.', 'invalid_value');
  }
  const n = integer('n', get('n'), fromForm, 1, 10);
  if (typeof n !== 'number' && n !== null) return n;
  const stream = boolean('stream', get('stream'), fromForm);
  if (typeof stream !== 'boolean') return stream;
  const partialImages = integer('partial_images', get('partial_images'), fromForm, 0, 3);
  if (typeof partialImages !== 'number' && partialImages !== null) return partialImages;
  return {
    prompt,
    size,
    quality,
    outputFormat,
    outputCompression: compression,
    background,
    n: n ?? 1,
    stream,
    partialImages: partialImages ?? 0,
  };
}

function isSize(value: PixelSize | 'auto' | OpenAiErrorBody): value is PixelSize | 'auto' {
  return value === 'auto' || 'width' in value;
}

function checkSize(value: unknown): PixelSize | 'auto' | OpenAiErrorBody {
  if (value === undefined || value === 'auto') return 'auto';
  const size = typeof value === 'string' ? parseSize(value) : null;
  if (!size || !/^\d+x\d+$/.test(String(value))) {
    return invalidParam('size', `Invalid value: ${JSON.stringify(value)}. Expected 'auto' or a size WIDTHxHEIGHT such as '1024x1024'.`, 'invalid_value');
  }
  const violations = sizeViolations(size);
  if (violations.length > 0) {
    return invalidParam('size', `Invalid size '${formatSize(size)}': ${violations.map((v) => v.message).join('; ')}.`, 'invalid_value');
  }
  return size;
}

function oneOf<const T extends readonly string[]>(param: string, value: unknown, allowed: T): T[number] | OpenAiErrorBody {
  const found = allowed.find((a) => a === value);
  if (found !== undefined) return found;
  return invalidParam(param, `Invalid value: ${JSON.stringify(value)}. Supported values are: ${allowed.map((a) => `'${a}'`).join(', ')}.`, 'invalid_value');
}

function integer(param: string, value: unknown, fromForm: boolean, min: number, max: number): number | null | OpenAiErrorBody {
  if (value === undefined) return null;
  const number = fromForm && typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    return invalidParam(param, `Invalid type for '${param}': expected an integer, but got ${JSON.stringify(value)} instead.`, 'invalid_type');
  }
  if (number < min || number > max) {
    return invalidParam(param, `Invalid '${param}': ${number} must be between ${min} and ${max}.`, 'invalid_value');
  }
  return number;
}

function boolean(param: string, value: unknown, fromForm: boolean): boolean | OpenAiErrorBody {
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (fromForm && (value === 'true' || value === 'false')) return value === 'true';
  return invalidParam(param, `Invalid type for '${param}': expected a boolean, but got ${JSON.stringify(value)} instead.`, 'invalid_type');
}
