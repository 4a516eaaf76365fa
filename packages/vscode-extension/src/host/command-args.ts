/**
 * The argument objects of the commands, declared once. Every command takes an optional object so
 * tests, the webview and other extensions can run it without quick inputs; what is given is
 * checked here, option values are left to the core's contract (`prepareRequest`), which names
 * the field, the rule and the value.
 */
import { PROVIDER_IDS } from '@gpt-image/core/contract';
import * as vscode from 'vscode';
import { z } from 'zod';

/** A file as a `Uri` or an absolute path. */
const fileSchema = z
  .union([z.custom<vscode.Uri>((value) => value instanceof vscode.Uri), z.string().min(1)])
  .transform((value) => (typeof value === 'string' ? vscode.Uri.file(value) : value));

/** Option values passed through to the core unchecked (it checks them, with better messages). */
const optionFields = {
  resolution: z.string().optional(),
  quality: z.string().optional(),
  aspectRatio: z.string().optional(),
  size: z.string().optional(),
  outputFormat: z.string().optional(),
  background: z.string().optional(),
  moderation: z.string().optional(),
};

/** What every generating command accepts besides its options. */
const runFields = {
  /** Overrides the `gptImage.provider` setting for this run. */
  provider: z.enum(PROVIDER_IDS).optional(),
  /**
   * The caller has shown the cost and the user agreed: skip the modal confirmation (the webview
   * shows its own). Without it, costs above `gptImage.confirmCostAbove` ask first.
   */
  confirmed: z.boolean().optional(),
  /**
   * Show the "Saved x.png" notification once saved. False when the caller shows the result itself
   * (the view). @default true
   */
  notify: z.boolean().optional(),
};

/**
 * `gptImage.generate`. Given a `prompt`, nothing is asked: unset options come from the
 * `gptImage.defaults.*` settings.
 */
export const generateArgsSchema = z.strictObject({
  prompt: z.string().optional(),
  ...optionFields,
  ...runFields,
  /** Insert the snippet at the cursor of the active (or given) editor once saved. @default false */
  insert: z.boolean().optional(),
  /** The document the image is for (output folder, snippet); default the active editor's. */
  document: fileSchema.optional(),
});
export type GenerateArgs = z.output<typeof generateArgsSchema>;

/** `gptImage.editImages`: the first image is the one edited, the rest are references, in order. */
export const editArgsSchema = z.strictObject({
  images: z.array(fileSchema).min(1),
  prompt: z.string().optional(),
  ...optionFields,
  ...runFields,
});
export type EditArgs = z.output<typeof editArgsSchema>;

/** `gptImage.generateMissingImage`: the reference in `document` that names `path`. */
export const missingImageArgsSchema = z.strictObject({
  document: fileSchema,
  /** The missing file, absolute. */
  path: z.string().min(1),
  ...runFields,
});
export type MissingImageArgs = z.output<typeof missingImageArgsSchema>;

/** `gptImage.generateMissingImages`. With `confirmed`, every planned image runs without the pick. */
export const missingImagesArgsSchema = z.strictObject({ ...runFields });
export type MissingImagesArgs = z.output<typeof missingImagesArgsSchema>;

/** `gptImage.regenerate`: one manifest entry, by its manifest file and the entry's `file`. */
export const regenerateArgsSchema = z.strictObject({
  manifest: fileSchema.optional(),
  file: z.string().optional(),
  ...runFields,
});
export type RegenerateArgs = z.output<typeof regenerateArgsSchema>;

/** `gptImage.setApiKey` / `gptImage.clearApiKey`. */
export const keyArgsSchema = z.strictObject({
  provider: z.enum(['openai', 'kie']).optional(),
  /** Set only: the key itself (tests, automation). Never logged. */
  key: z.string().min(1).optional(),
});
export type KeyArgs = z.output<typeof keyArgsSchema>;

/**
 * Parses a command's argument (undefined → `{}`), throwing an error that names what is wrong.
 * The key is never echoed: zod messages here quote types and field names, not values of strings.
 */
export function parseArgs<S extends z.ZodType>(schema: S, value: unknown, command: string): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'argument'}: ${issue.message}`);
  throw new Error(`${command}: invalid argument (${problems.join('; ')})`);
}
