/**
 * The webview's check of what the host posts, without zod (the view's bundle must stay small): the
 * same rules as `hostMessages` in ../protocol.ts, written as small checkers. The table is typed
 * against `HostMessage`, so a host message without a check here does not compile.
 */
import { ASPECT_RATIOS, QUALITIES, RESOLUTIONS } from '@gpt-image/core/options';
import type { ProviderId } from '@gpt-image/core/contract';
import type { HostMessage } from '../protocol';

/** A problem's description ("payload.provider: expected one of …"), or null when the value fits. */
type Check = (value: unknown, path: string) => string | null;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const string =
  (min = 0): Check =>
  (value, path) =>
    typeof value !== 'string' ? `${path}: expected a string` : value.length < min ? `${path}: expected a non-empty string` : null;
const integer: Check = (value, path) => (Number.isInteger(value) && (value as number) >= 0 ? null : `${path}: expected a whole number`);
const oneOf =
  (values: readonly string[]): Check =>
  (value, path) =>
    typeof value === 'string' && values.includes(value) ? null : `${path}: expected one of ${values.join(', ')}`;
const nullable =
  (check: Check): Check =>
  (value, path) =>
    value === null ? null : check(value, path);
const optional =
  (check: Check): Check =>
  (value, path) =>
    value === undefined ? null : check(value, path);
const array =
  (check: Check): Check =>
  (value, path) =>
    Array.isArray(value) ? value.reduce<string | null>((problem, item, i) => problem ?? check(item, `${path}.${i}`), null) : `${path}: expected a list`;
/** An object with exactly these fields (extra fields are refused, as zod's strictObject does). */
const object =
  (shape: Readonly<Record<string, Check>>): Check =>
  (value, path) => {
    if (!isRecord(value)) return `${path}: expected an object`;
    const extra = Object.keys(value).find((key) => !Object.hasOwn(shape, key));
    if (extra !== undefined) return `${path}: unknown field "${extra}"`;
    for (const [key, check] of Object.entries(shape)) {
      const problem = check(value[key], path === 'payload' ? key : `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  };

/** Every provider id; a `Record` over the type, so a provider added to the core must be added here. */
const PROVIDER_SET: Readonly<Record<ProviderId, true>> = { placeholder: true, openai: true, kie: true };
const provider = oneOf(Object.keys(PROVIDER_SET));

const dataImageUrl: Check = (value, path) => (typeof value === 'string' && value.startsWith('data:image/') ? null : `${path}: expected a data:image/ URL`);

const viewImage = object({ path: string(1), name: string(), thumbnail: nullable(string()), head: string() });
const galleryItem = object({ path: string(1), name: string(), prompt: string(), size: string(), createdAt: string(), thumbnail: nullable(string()) });

const checks: { readonly [K in HostMessage['type']]: Check } = {
  init: object({ provider, defaults: object({ resolution: oneOf(RESOLUTIONS), quality: oneOf(QUALITIES), aspectRatio: oneOf(ASPECT_RATIOS) }) }),
  provider: object({ provider }),
  images: object({ images: array(viewImage) }),
  progress: object({ state: string(), detail: optional(string()) }),
  preview: object({ index: integer, dataUrl: dataImageUrl }),
  result: object({ image: nullable(galleryItem) }),
  gallery: object({ items: array(galleryItem) }),
  priced: object({ seq: integer, cost: nullable(string()), refusal: nullable(string()) }),
  notice: object({ text: string() }),
};

/** A host message checked on arrival, or why it was refused (the same words as `parseMessage`). */
export function checkHostMessage(raw: unknown): { readonly ok: true; readonly message: HostMessage } | { readonly ok: false; readonly error: string } {
  if (!isRecord(raw) || typeof raw.type !== 'string') return { ok: false, error: 'not a message: expected { type, payload }' };
  const { type } = raw;
  const check = Object.hasOwn(checks, type) ? checks[type as HostMessage['type']] : undefined;
  if (!check) return { ok: false, error: `unknown message "${type}"` };
  const payload = raw.payload ?? {};
  const problem = check(payload, 'payload');
  if (problem) return { ok: false, error: `message "${type}": ${problem}` };
  // The name picked the check and the payload passed it: this is the union member for that name.
  return { ok: true, message: { type, payload } as HostMessage };
}
