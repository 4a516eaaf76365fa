// zod/mini, not classic zod: this schema goes into the Figma UI bundle, which must stay small, and
// mini's functions tree-shake where classic's methods keep all of zod.
import * as z from 'zod/mini';
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

const promptSchema = z.pipe(
  z
    .string({ error: (issue) => (issue.input === undefined ? 'prompt is required' : `prompt must be text (got ${show(issue.input)})`) })
    .check((ctx) => {
      const problem = promptProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    }),
  z.transform((prompt: string) => prompt.trim()),
);

const sizeSchema = z.pipe(
  z.string({ error: (issue) => `size must be WIDTHxHEIGHT text, e.g. 2304x1536 (got ${show(issue.input)})` }),
  z.transform((text: string, ctx) => {
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
  }),
);

const imagesSchema = z.pipe(
  z
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
    }),
  z.transform((images: z.output<typeof referenceImageInputSchema>[]) => images.map(toReferenceImage)),
);

/**
 * The options of one request: the single source of truth for every entry point (CLI, VS Code,
 * Figma, tests). Parsing applies the defaults, trims the prompt, normalises `size` to `WxH` and
 * turns image bytes into checked reference images. Unknown keys are refused so a typo never
 * silently falls back to a default.
 */
export const optionsSchema = z
  .strictObject({
    /** @default 'generate' */
    mode: z._default(choice('mode', MODES), 'generate'),
    /** 1 to 20,000 code points after trimming. */
    prompt: promptSchema,
    /** Ignored when `size` is given. @default '1K' */
    resolution: z._default(choice('resolution', RESOLUTIONS), '1K'),
    /** @default 'low' */
    quality: z._default(choice('quality', QUALITIES), 'low'),
    /** Ignored when `size` is given. @default 'auto' */
    aspectRatio: z._default(choice('aspectRatio', ASPECT_RATIOS), 'auto'),
    /** `WIDTHxHEIGHT` obeying the size rule; overrides resolution and aspect ratio. */
    size: z.optional(sizeSchema),
    /** For edit: the image being edited first, then references, 1 to 16 in all. @default [] */
    images: z._default(imagesSchema, []),
    /** @default 'png' */
    outputFormat: z._default(choice('outputFormat', OUTPUT_FORMATS), 'png'),
    /** @default 'auto' */
    background: z._default(choice('background', BACKGROUNDS), 'auto'),
    /** Generate only: the edit endpoint has no such parameter. @default 'auto' */
    moderation: z._default(choice('moderation', MODERATIONS), 'auto'),
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
