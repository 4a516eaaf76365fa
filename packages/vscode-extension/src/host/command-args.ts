/**
 * The argument objects of the commands, declared once. Every command takes an optional object so
 * tests, the webview and other extensions can run it without quick inputs; what is given is
 * checked here, option values are left to the core's contract (`prepareRequest`), which names
 * the field, the rule and the value.
 */
import { englishIssue } from '@gpt-image/core';
import { PROVIDER_IDS } from '@gpt-image/core/contract';
import * as vscode from 'vscode';
import * as z from 'zod/mini';

/** A file as a `Uri` or an absolute path. */
const fileSchema = z.pipe(
  z.union([z.custom<vscode.Uri>((value) => value instanceof vscode.Uri), z.string().check(z.minLength(1))]),
  z.transform((value: vscode.Uri | string) => (typeof value === 'string' ? vscode.Uri.file(value) : value)),
);

/** Option values passed through to the core unchecked (it checks them, with better messages). */
const optionFields = {
  resolution: z.optional(z.string()),
  quality: z.optional(z.string()),
  aspectRatio: z.optional(z.string()),
  size: z.optional(z.string()),
  outputFormat: z.optional(z.string()),
  background: z.optional(z.string()),
  moderation: z.optional(z.string()),
};

/** What every generating command accepts besides its options. */
const runFields = {
  /** Overrides the `gptImage.provider` setting for this run. */
  provider: z.optional(z.enum(PROVIDER_IDS)),
  /**
   * The caller has shown the cost and the user agreed: skip the modal confirmation (the webview
   * shows its own). Without it, costs above `gptImage.confirmCostAbove` ask first.
   */
  confirmed: z.optional(z.boolean()),
  /**
   * Show the "Saved x.png" notification once saved. False when the caller shows the result itself
   * (the view). @default true
   */
  notify: z.optional(z.boolean()),
};

/**
 * `gptImage.generate`. Given a `prompt`, nothing is asked: unset options come from the
 * `gptImage.defaults.*` settings.
 */
export const generateArgsSchema = z.strictObject({
  prompt: z.optional(z.string()),
  ...optionFields,
  ...runFields,
  /** Insert the snippet at the cursor of the active (or given) editor once saved. @default false */
  insert: z.optional(z.boolean()),
  /** The document the image is for (output folder, snippet); default the active editor's. */
  document: z.optional(fileSchema),
});
export type GenerateArgs = z.output<typeof generateArgsSchema>;

/** `gptImage.editImages`: the first image is the one edited, the rest are references, in order. */
export const editArgsSchema = z.strictObject({
  images: z.array(fileSchema).check(z.minLength(1)),
  prompt: z.optional(z.string()),
  ...optionFields,
  ...runFields,
});
export type EditArgs = z.output<typeof editArgsSchema>;

/** `gptImage.generateMissingImage`: the reference in `document` that names `path`. */
export const missingImageArgsSchema = z.strictObject({
  document: fileSchema,
  /** The missing file, absolute. */
  path: z.string().check(z.minLength(1)),
  ...runFields,
});
export type MissingImageArgs = z.output<typeof missingImageArgsSchema>;

/** `gptImage.generateMissingImages`. With `confirmed`, every planned image runs without the pick. */
export const missingImagesArgsSchema = z.strictObject({ ...runFields });
export type MissingImagesArgs = z.output<typeof missingImagesArgsSchema>;

/** `gptImage.regenerate`: one manifest entry, by its manifest file and the entry's `file`. */
export const regenerateArgsSchema = z.strictObject({
  manifest: z.optional(fileSchema),
  file: z.optional(z.string()),
  ...runFields,
});
export type RegenerateArgs = z.output<typeof regenerateArgsSchema>;

/** `gptImage.setApiKey` / `gptImage.clearApiKey`. */
export const keyArgsSchema = z.strictObject({
  provider: z.optional(z.enum(['openai', 'kie'])),
  /** Set only: the key itself (tests, automation). Never logged. */
  key: z.optional(z.string().check(z.minLength(1))),
});
export type KeyArgs = z.output<typeof keyArgsSchema>;

/**
 * Parses a command's argument (undefined → `{}`), throwing an error that names what is wrong.
 * The key is never echoed: zod messages here quote types and field names, not values of strings.
 * zod/mini has no locale, so zod's English wording is passed in; without it every message would
 * read only "Invalid input".
 */
export function parseArgs<S extends z.ZodMiniType>(schema: S, value: unknown, command: string): z.output<S> {
  const result = schema.safeParse(value ?? {}, { error: englishIssue });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'argument'}: ${issue.message}`);
  throw new Error(`${command}: invalid argument (${problems.join('; ')})`);
}
