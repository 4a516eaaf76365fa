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
import * as z from 'zod/mini';
import { DEFAULT_OUTPUT_FOLDER } from '../logic/index';

/** The configuration section every setting lives under. */
export const SETTINGS_SECTION = 'gptImage';

/** A setting that falls back to `value` when it is unset or wrong (a hand-edited settings.json). */
function orDefault<S extends z.ZodMiniType>(schema: S, value: z.core.util.NoUndefined<z.output<S>>) {
  return z.catch(z._default(schema, value), value);
}

/** An empty string means "the provider's official address". */
const optionalUrl = z.catch(
  z.pipe(
    z.pipe(z.optional(z.string()), z.transform((text: string | undefined) => text?.trim() || undefined)),
    z.optional(z.url({ protocol: /^https?$/ })),
  ),
  undefined,
);

/**
 * A group of settings; anything but a plain object (a hand-edited typo, an array) counts as empty,
 * so its fields fall back one by one.
 */
function section<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.pipe(
    z.transform((value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {})),
    z.object(shape),
  );
}

const settingsSchema = section({
  provider: orDefault(z.enum(PROVIDER_IDS), 'placeholder'),
  defaults: section({
    resolution: orDefault(z.enum(RESOLUTIONS), '1K'),
    quality: orDefault(z.enum(QUALITIES), 'low'),
    aspectRatio: orDefault(z.enum(ASPECT_RATIOS), 'auto'),
    outputFormat: orDefault(z.enum(OUTPUT_FORMATS), 'png'),
  }),
  outputFolder: orDefault(z.string().check(z.trim(), z.minLength(1)), DEFAULT_OUTPUT_FOLDER),
  confirmCostAbove: section({
    USD: orDefault(z.number().check(z.nonnegative()), DEFAULT_CONFIRM_ABOVE.USD),
    credits: orDefault(z.number().check(z.nonnegative()), DEFAULT_CONFIRM_ABOVE.credits),
  }),
  timeoutMinutes: orDefault(z.number().check(z.positive()), 10),
  batch: section({ concurrency: orDefault(z.number().check(z.int(), z.gte(1), z.lte(8)), 2) }),
  openai: section({ baseUrl: optionalUrl, previews: orDefault(z.boolean(), true) }),
  kie: section({
    baseUrl: optionalUrl,
    uploadBaseUrl: optionalUrl,
    referenceField: orDefault(z.enum(['image_urls', 'input_urls']), 'image_urls'),
    pollIntervalMs: orDefault(z.number().check(z.int(), z.nonnegative()), 0),
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
