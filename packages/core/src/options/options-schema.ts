import { z } from 'zod';
import {
  ASPECT_RATIOS,
  BACKGROUNDS,
  MAX_IMAGES,
  MODERATIONS,
  MODES,
  OUTPUT_FORMATS,
  QUALITIES,
  RESOLUTIONS,
} from './option-values';
import { promptProblem } from './prompt-rule';
import { referenceImageInputSchema, referenceImageProblem, toReferenceImage } from '../images/reference-image';
import { parseSize } from '../sizes/parse-size';
import { formatSize } from '../sizes/size-rule';
import { sizeRuleMessages } from '../sizes/size-rule-message';

/** An enum whose refusal names the field, the allowed values and what was given. */
function choice<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, {
    error: (issue) => `${field} must be one of ${values.join(', ')} (got ${show(issue.input)})`,
  });
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const promptSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'prompt is required' : `prompt must be text (got ${show(issue.input)})`) })
  .check((ctx) => {
    const problem = promptProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  })
  .transform((prompt) => prompt.trim());

const sizeSchema = z
  .string({ error: (issue) => `size must be WIDTHxHEIGHT text, e.g. 2304x1536 (got ${show(issue.input)})` })
  .transform((text, ctx) => {
    const size = parseSize(text);
    if (!size) {
      ctx.issues.push({ code: 'custom', message: `size must look like WIDTHxHEIGHT, e.g. 2304x1536 (got ${show(text)})`, input: text });
      return z.NEVER;
    }
    const refusal = sizeRuleMessages(size);
    if (refusal) {
      for (const message of refusal.messages) ctx.issues.push({ code: 'custom', message: `size ${formatSize(size)}: ${message}`, input: text });
      return z.NEVER;
    }
    return formatSize(size);
  });

const imagesSchema = z
  .array(referenceImageInputSchema, { error: (issue) => `images must be a list of images (got ${show(issue.input)})` })
  .check((ctx) => {
    if (ctx.value.length > MAX_IMAGES) {
      ctx.issues.push({ code: 'custom', message: `images: at most ${MAX_IMAGES} images per request (got ${ctx.value.length})`, input: ctx.value.length });
    }
    ctx.value.forEach((image, index) => {
      if (!('bytes' in image)) return;
      const problem = referenceImageProblem(image.bytes);
      const label = image.name ? `images[${index}] (${image.name})` : `images[${index}]`;
      if (problem) ctx.issues.push({ code: 'custom', message: `${label} ${problem}`, path: [index], input: image.name ?? index });
    });
  })
  .transform((images) => images.map(toReferenceImage));

/**
 * The options of one request: the single source of truth for every entry point (CLI, VS Code,
 * Figma, tests). Parsing applies the defaults, trims the prompt, normalises `size` to `WxH` and
 * turns image bytes into checked reference images. Unknown keys are refused so a typo never
 * silently falls back to a default.
 */
export const optionsSchema = z
  .strictObject({
    /** @default 'generate' */
    mode: choice('mode', MODES).default('generate'),
    /** 1 to 20,000 code points after trimming. */
    prompt: promptSchema,
    /** Ignored when `size` is given. @default '1K' */
    resolution: choice('resolution', RESOLUTIONS).default('1K'),
    /** @default 'low' */
    quality: choice('quality', QUALITIES).default('low'),
    /** Ignored when `size` is given. @default 'auto' */
    aspectRatio: choice('aspectRatio', ASPECT_RATIOS).default('auto'),
    /** `WIDTHxHEIGHT` obeying the size rule; overrides resolution and aspect ratio. */
    size: sizeSchema.optional(),
    /** For edit: the image being edited first, then references, 1 to 16 in all. @default [] */
    images: imagesSchema.default([]),
    /** @default 'png' */
    outputFormat: choice('outputFormat', OUTPUT_FORMATS).default('png'),
    /** @default 'auto' */
    background: choice('background', BACKGROUNDS).default('auto'),
    /** Generate only: the edit endpoint has no such parameter. @default 'auto' */
    moderation: choice('moderation', MODERATIONS).default('auto'),
  }, { error: (issue) => `options must be an object with at least a prompt (got ${show(issue.input)})` })
  .check((ctx) => {
    const o = ctx.value;
    if (o.mode === 'edit' && o.images.length === 0) {
      ctx.issues.push({ code: 'custom', path: ['images'], message: 'images: edit needs at least one image, the one being edited (got none)', input: o.images });
    }
    if (o.mode === 'generate' && o.images.length > 0) {
      ctx.issues.push({
        code: 'custom',
        path: ['images'],
        message: `images are used by edit only; mode is generate (got ${o.images.length} image${o.images.length === 1 ? '' : 's'}): set mode to edit or remove them`,
        input: o.images.length,
      });
    }
    if (o.background === 'transparent' && o.outputFormat === 'jpeg') {
      ctx.issues.push({ code: 'custom', path: ['background'], message: 'background transparent needs outputFormat png or webp (got jpeg, which has no alpha channel)', input: o.background });
    }
    if (o.mode === 'edit' && o.moderation !== 'auto') {
      ctx.issues.push({ code: 'custom', path: ['moderation'], message: `moderation applies to generate only; edit has no such setting (got ${o.moderation})`, input: o.moderation });
    }
  });

/** What a caller passes in: every option but `prompt` may be left out. */
export type OptionsInput = z.input<typeof optionsSchema>;
/** Validated options with defaults applied. */
export type Options = z.output<typeof optionsSchema>;
