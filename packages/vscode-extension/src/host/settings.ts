/**
 * The extension's settings as one typed, validated object. `package.json` declares them for the
 * Settings UI; this schema is what the code trusts: a hand-edited settings.json with a wrong type
 * falls back to the default instead of reaching a provider. Keys are never settings (SPEC 5).
 */
import {
  ASPECT_RATIOS,
  DEFAULT_CONFIRM_ABOVE,
  OUTPUT_FORMATS,
  PROVIDER_IDS,
  QUALITIES,
  RESOLUTIONS,
} from '@gpt-image/core/contract';
import * as vscode from 'vscode';
import { z } from 'zod';
import { DEFAULT_OUTPUT_FOLDER } from '../logic/index';

/** The configuration section every setting lives under. */
export const SETTINGS_SECTION = 'gptImage';

/** An empty string means "the provider's official address". */
const optionalUrl = z
  .string()
  .optional()
  .transform((text) => text?.trim() ?? '')
  .transform((text) => (text === '' ? undefined : text))
  .pipe(z.url({ protocol: /^https?$/ }).optional())
  .catch(undefined);

/** A group of settings; anything but an object (a hand-edited typo) counts as empty, so its fields fall back one by one. */
function section<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess((value) => (typeof value === 'object' && value !== null ? value : {}), z.object(shape));
}

const settingsSchema = section({
  provider: z.enum(PROVIDER_IDS).default('placeholder').catch('placeholder'),
  defaults: section({
    resolution: z.enum(RESOLUTIONS).default('1K').catch('1K'),
    quality: z.enum(QUALITIES).default('low').catch('low'),
    aspectRatio: z.enum(ASPECT_RATIOS).default('auto').catch('auto'),
    outputFormat: z.enum(OUTPUT_FORMATS).default('png').catch('png'),
  }),
  outputFolder: z.string().trim().min(1).default(DEFAULT_OUTPUT_FOLDER).catch(DEFAULT_OUTPUT_FOLDER),
  confirmCostAbove: section({
    USD: z.number().nonnegative().default(DEFAULT_CONFIRM_ABOVE.USD).catch(DEFAULT_CONFIRM_ABOVE.USD),
    credits: z.number().nonnegative().default(DEFAULT_CONFIRM_ABOVE.credits).catch(DEFAULT_CONFIRM_ABOVE.credits),
  }),
  timeoutMinutes: z.number().positive().default(10).catch(10),
  batch: section({ concurrency: z.number().int().min(1).max(8).default(2).catch(2) }),
  openai: section({ baseUrl: optionalUrl, previews: z.boolean().default(true).catch(true) }),
  kie: section({
    baseUrl: optionalUrl,
    uploadBaseUrl: optionalUrl,
    referenceField: z.enum(['image_urls', 'input_urls']).default('image_urls').catch('image_urls'),
    pollIntervalMs: z.number().int().nonnegative().default(0).catch(0),
  }),
});

/** Every setting of the extension, with defaults applied and wrong values replaced by them. */
export type Settings = z.output<typeof settingsSchema>;

/** The settings paths the schema reads, as VS Code names them below `gptImage.`. */
const PATHS = [
  'provider',
  'defaults.resolution',
  'defaults.quality',
  'defaults.aspectRatio',
  'defaults.outputFormat',
  'outputFolder',
  'confirmCostAbove',
  'timeoutMinutes',
  'batch.concurrency',
  'openai.baseUrl',
  'openai.previews',
  'kie.baseUrl',
  'kie.uploadBaseUrl',
  'kie.referenceField',
  'kie.pollIntervalMs',
] as const;

/**
 * Reads the settings that apply to `scope` (a document, so folder-level `outputFolder` values
 * count). Never throws: every field has a fallback.
 */
export function readSettings(scope?: vscode.Uri): Settings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope ?? null);
  const raw: Record<string, unknown> = {};
  for (const path of PATHS) setPath(raw, path, config.get(path));
  return settingsSchema.parse(raw);
}

/** `markdown.copyFiles.destination` for a document, when it is an object of strings. */
export function markdownCopyFilesDestination(scope: vscode.Uri | undefined): Readonly<Record<string, string>> | undefined {
  const value = vscode.workspace.getConfiguration('markdown', scope ?? null).get('copyFiles.destination');
  const parsed = z.record(z.string(), z.string()).safeParse(value);
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : undefined;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined) return;
  const [head, tail] = path.split('.', 2);
  if (head === undefined) return;
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  const child = target[head];
  const nested: Record<string, unknown> = typeof child === 'object' && child !== null ? { ...child } : {};
  nested[tail] = value;
  target[head] = nested;
}
