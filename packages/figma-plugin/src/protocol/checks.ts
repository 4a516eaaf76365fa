import type { JsonObject, JsonValue } from './json';
import { ProtocolError } from './protocol-error';

/**
 * A hand-written validator: returns the value, typed, or throws a `ProtocolError` naming `path`.
 * Small on purpose — the main thread's bundle must not carry a schema library — and composable, so
 * each message's type is inferred from its check and the two can never drift apart.
 */
export type Check<T> = (value: unknown, path: string) => T;

/** The type a check produces. */
export type Checked<C> = C extends Check<infer T> ? T : never;

const fail = (path: string, problem: string): never => {
  throw new ProtocolError(`${path} ${problem}`);
};

/** True for `{}`-style objects, whichever realm (iframe or sandbox) built them. */
export function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/** True for a `Uint8Array`, whichever realm built it. */
export function isBytes(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/** A string of `min` to `max` UTF-16 units. */
export function string(limits: { readonly min?: number; readonly max: number }): Check<string> {
  const min = limits.min ?? 0;
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, `must be a string (got ${describe(value)})`);
    if (value.length < min) return fail(path, min === 1 ? 'must not be empty' : `must have at least ${min} characters`);
    if (value.length > limits.max) return fail(path, `must have at most ${limits.max} characters (it has ${value.length})`);
    return value;
  };
}

/** A finite number within bounds; `integer` also demands a whole number. */
export function number(limits: { readonly min: number; readonly max: number; readonly integer?: boolean }): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, `must be a finite number (got ${describe(value)})`);
    if (limits.integer && !Number.isInteger(value)) return fail(path, `must be a whole number (got ${value})`);
    if (value < limits.min || value > limits.max) return fail(path, `must be between ${limits.min} and ${limits.max} (got ${value})`);
    return value;
  };
}

/** `true` or `false`. */
export const boolean: Check<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path, `must be true or false (got ${describe(value)})`);

/** One of a fixed list of literals. */
export function oneOf<const T extends readonly (string | number)[]>(values: T): Check<T[number]> {
  return (value, path) => {
    const hit = values.find((candidate) => candidate === value);
    return hit !== undefined ? hit : fail(path, `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')} (got ${describe(value)})`);
  };
}

/** Raw bytes (a `Uint8Array`, which Figma's `postMessage` carries as is) of at most `max` bytes. */
export function bytes(limits: { readonly min?: number; readonly max: number }): Check<Uint8Array> {
  return (value, path) => {
    if (!isBytes(value)) return fail(path, `must be a Uint8Array (got ${describe(value)})`);
    if (value.byteLength < (limits.min ?? 0)) return fail(path, 'must not be empty');
    if (value.byteLength > limits.max) return fail(path, `must be at most ${limits.max} bytes (it is ${value.byteLength})`);
    return value;
  };
}

/** `null`, or what `check` accepts. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? null : check(value, path));
}

/** An array of `min` to `max` items, each checked. */
export function array<T>(item: Check<T>, limits: { readonly min?: number; readonly max: number }): Check<readonly T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, `must be an array (got ${describe(value)})`);
    if (value.length < (limits.min ?? 0)) return fail(path, `must have at least ${limits.min} item(s)`);
    if (value.length > limits.max) return fail(path, `must have at most ${limits.max} items (it has ${value.length})`);
    return value.map((entry: unknown, i) => item(entry, `${path}[${i}]`));
  };
}

/** The checks of an object's fields, by name. */
export type Shape = { readonly [key: string]: Check<unknown> };

/** The object a shape describes. */
export type ShapeType<S extends Shape> = { readonly [K in keyof S]: Checked<S[K]> };

/**
 * An object with exactly these fields: a missing field fails its own check, an unexpected one is
 * an error too (both sides ship in one plugin, so an extra field means a mismatch, not a newer peer).
 */
export function object<S extends Shape>(shape: S): Check<ShapeType<S>> {
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, `must be an object (got ${describe(value)})`);
    for (const key of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) fail(`${path}.${key}`, 'is not an expected field');
    }
    const out: { [key: string]: unknown } = {};
    for (const [key, check] of Object.entries(shape)) out[key] = check(value[key], `${path}.${key}`);
    // Sound: every field of the shape was just produced by its own check, and no other field is present.
    return out as ShapeType<S>;
  };
}

/** Any JSON value, copied, at most `maxDepth` levels deep. */
export function json(maxDepth = 32): Check<JsonValue> {
  return (value, path) => jsonValue(value, path, 0, maxDepth);
}

/** A JSON object (not an array or a primitive), copied. */
export function jsonObject(maxDepth = 32): Check<JsonObject> {
  return (value, path) => (isPlainObject(value) ? jsonFields(value, path, 0, maxDepth) : fail(path, `must be an object (got ${describe(value)})`));
}

function jsonValue(value: unknown, path: string, depth: number, maxDepth: number): JsonValue {
  if (depth > maxDepth) return fail(path, `nests deeper than ${maxDepth} levels`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : fail(path, 'must be a finite number');
  if (Array.isArray(value)) return value.map((entry: unknown, i) => jsonValue(entry, `${path}[${i}]`, depth + 1, maxDepth));
  if (isPlainObject(value)) return jsonFields(value, path, depth, maxDepth);
  return fail(path, `must be JSON (got ${describe(value)})`);
}

function jsonFields(value: { readonly [key: string]: unknown }, path: string, depth: number, maxDepth: number): JsonObject {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, entry] of Object.entries(value)) out[key] = jsonValue(entry, `${path}.${key}`, depth + 1, maxDepth);
  return out;
}

/** A short name for a value's kind, for error messages: never the value itself (it may be big or private). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isBytes(value)) return 'bytes';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
