import type * as z from 'zod/mini';
import { InvalidInputError, type OptionIssue } from '../errors/gpt-image-error';
import { optionsSchema, type Options } from './options-schema';

/** The outcome of checking options: the parsed options, or every problem found. */
export type Validation<T> = { ok: true; value: T } | { ok: false; issues: OptionIssue[] };

/** Checks options against the contract without throwing. Never sends or writes anything. */
export function validateOptions(input: unknown): Validation<Options> {
  const result = optionsSchema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toOptionIssues(result.error) };
}

/** Checks options and throws an {@link InvalidInputError} listing every problem. */
export function parseOptions(input: unknown): Options {
  const result = validateOptions(input);
  if (!result.ok) throw new InvalidInputError(result.issues);
  return result.value;
}

/**
 * Turns zod's issues into messages a person can act on. Messages written in the schema already
 * name the field; unknown keys and an image of neither shape are worded here; any other message
 * gets the field put in front. The options schema words every issue it raises itself: zod/mini
 * loads no locale, so an unworded one would read only "Invalid input".
 */
export function toOptionIssues(error: z.core.$ZodError): OptionIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      const where = path ? ` in ${path}` : '';
      return { path: path || issue.keys[0] || '', message: `unknown option${issue.keys.length > 1 ? 's' : ''} ${keys}${where}; known options are ${knownKeys()}` };
    }
    if (issue.code === 'invalid_union' && path.startsWith('images')) {
      return { path, message: `${path} must be {bytes} or {url} (an http or https address)` };
    }
    const field = path || 'options';
    const message = issue.message.startsWith(field.split(/[.[]/)[0] ?? field) ? issue.message : `${field}: ${issue.message}`;
    return { path: field, message };
  });
}

function knownKeys(): string {
  return Object.keys(optionsSchema.shape).join(', ');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}
