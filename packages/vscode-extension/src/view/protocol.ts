/**
 * The one message protocol between the extension host and the GPT Image webview view, imported by
 * both sides. Each message is a name with a zod payload; `{ type, payload }` travels over
 * `postMessage`. Incoming messages are checked on arrival with {@link parseMessage}: a bad payload or
 * an unknown name is an error the receiver logs, never a silent drop. Model: GitLens
 * `webviews/protocol.ts` (one descriptor per message, a type guard each).
 *
 * The webview imports only the types of this module (its bundle carries no zod); it checks what the
 * host posts with the zod-free `app/host-message-check.ts`, which must cover every host message.
 */
import { englishIssue } from '@gpt-image/core';
import { ASPECT_RATIOS, MODES, PROVIDER_IDS, QUALITIES, RESOLUTIONS } from '@gpt-image/core/contract';
import * as z from 'zod/mini';

/** A reference image as the webview shows it; `head` is the file's first bytes (base64) for pricing. */
export const viewImageSchema = z.strictObject({
  path: z.string().check(z.minLength(1)),
  name: z.string(),
  /** A `data:` URL of the file, or null when it is too large to send. */
  thumbnail: z.nullable(z.string()),
  head: z.string(),
});
export type ViewImage = z.infer<typeof viewImageSchema>;

/** A gallery item: one manifest entry of the workspace. */
export const galleryItemSchema = z.strictObject({
  path: z.string().check(z.minLength(1)),
  name: z.string(),
  prompt: z.string(),
  size: z.string(),
  createdAt: z.string(),
  thumbnail: z.nullable(z.string()),
});
export type GalleryItem = z.infer<typeof galleryItemSchema>;

/** What the Generate button sends: the form's choices, checked again by the command. */
export const generateRequestSchema = z.strictObject({
  mode: z.enum(MODES),
  prompt: z.string(),
  resolution: z.enum(RESOLUTIONS),
  quality: z.enum(QUALITIES),
  aspectRatio: z.enum(ASPECT_RATIOS),
  size: z.optional(z.string()),
  /** Edit only: paths, the first is the image being edited. */
  images: z.array(z.string().check(z.minLength(1))),
});
export type GenerateRequest = z.infer<typeof generateRequestSchema>;

/**
 * What the form asks the host to price (debounced): the form's choices, the provider it shows, and
 * the reference images by their first bytes. `seq` numbers the questions so the webview keeps only
 * the answer to its latest one.
 */
export const priceRequestSchema = z.strictObject({
  seq: z.number().check(z.int(), z.nonnegative()),
  provider: z.enum(PROVIDER_IDS),
  mode: z.enum(MODES),
  prompt: z.string(),
  resolution: z.enum(RESOLUTIONS),
  quality: z.enum(QUALITIES),
  aspectRatio: z.enum(ASPECT_RATIOS),
  size: z.optional(z.string()),
  images: z.array(z.strictObject({ name: z.string(), head: z.string() })).check(z.maxLength(16)),
});
export type PriceRequest = z.infer<typeof priceRequestSchema>;

/** The host's answer to `price`: the core's cost text, or why the request would be refused. */
export const pricedSchema = z.strictObject({
  seq: z.number().check(z.int(), z.nonnegative()),
  /** "free", "10 credits", "$0.053 est.", or null when the request is refused. */
  cost: z.nullable(z.string()),
  /** Why the request cannot be sent, in the core's words; null when it can. */
  refusal: z.nullable(z.string()),
});
export type Priced = z.infer<typeof pricedSchema>;

const pathPayload = z.strictObject({ path: z.string().check(z.minLength(1)) });
const empty = z.strictObject({});

/** Messages the webview posts to the host. */
export const webviewMessages = {
  /** The webview's script runs and listens: the host may post from now on. */
  ready: empty,
  generate: generateRequestSchema,
  /** The form changed: the host answers with `priced`. */
  price: priceRequestSchema,
  cancel: empty,
  /** "Add images…": the host opens an Open dialog. */
  pickImages: empty,
  /** "Use the image open in the editor". */
  useActiveImage: empty,
  /** Files dropped from the Explorer (`text/uri-list` lines) or chosen by "Edit again". */
  addImages: z.strictObject({ uris: z.array(z.string().check(z.minLength(1))).check(z.maxLength(16)) }),
  insert: pathPayload,
  reveal: pathPayload,
  copyPath: pathPayload,
  regenerate: pathPayload,
  refreshGallery: empty,
} as const;

/** Messages the host posts to the webview. */
export const hostMessages = {
  /** First message after `ready`: the settings that shape the form. */
  init: z.strictObject({
    provider: z.enum(PROVIDER_IDS),
    defaults: z.strictObject({ resolution: z.enum(RESOLUTIONS), quality: z.enum(QUALITIES), aspectRatio: z.enum(ASPECT_RATIOS) }),
  }),
  /** The provider setting changed. */
  provider: z.strictObject({ provider: z.enum(PROVIDER_IDS) }),
  /** Images to add to the reference list, in order. */
  images: z.strictObject({ images: z.array(viewImageSchema) }),
  /** A run's state: the task's life-cycle state as the runner reports it. */
  progress: z.strictObject({ state: z.string(), detail: z.optional(z.string()) }),
  /** A streamed preview of the image being made (OpenAI partial images): its 0-based index and a `data:` URL. */
  preview: z.strictObject({ index: z.number().check(z.int(), z.nonnegative()), dataUrl: z.string().check(z.startsWith('data:image/')) }),
  /** The run ended: a saved image, or none (cancelled or failed; the host reported why). */
  result: z.strictObject({ image: z.nullable(galleryItemSchema) }),
  gallery: z.strictObject({ items: z.array(galleryItemSchema) }),
  /** The answer to a `price`. */
  priced: pricedSchema,
  /** Something the user should read in the view. */
  notice: z.strictObject({ text: z.string() }),
} as const;

type Table = Readonly<Record<string, z.ZodMiniType>>;

/** The union of `{ type, payload }` of a table. */
export type MessageOf<T extends Table> = { [K in keyof T & string]: { readonly type: K; readonly payload: z.output<T[K]> } }[keyof T & string];
export type WebviewMessage = MessageOf<typeof webviewMessages>;
export type HostMessage = MessageOf<typeof hostMessages>;

/** A message checked on arrival, or why it was refused. */
export type Parsed<T extends Table> = { readonly ok: true; readonly message: MessageOf<T> } | { readonly ok: false; readonly error: string };

/**
 * Validates a raw `postMessage` value against a table: the name must be one of the table's and the
 * payload must match its schema.
 */
export function parseMessage<T extends Table>(table: T, raw: unknown): Parsed<T> {
  const envelope = z.object({ type: z.string(), payload: z.optional(z.unknown()) }).safeParse(raw);
  if (!envelope.success) return { ok: false, error: 'not a message: expected { type, payload }' };
  const { type, payload } = envelope.data;
  const schema = isName(table, type) ? table[type] : undefined;
  if (!isName(table, type) || !schema) return { ok: false, error: `unknown message "${type}"` };
  // zod/mini has no locale: the refusal is logged with zod's English wording, passed in here.
  const checked = schema.safeParse(payload ?? {}, { error: englishIssue });
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`);
    return { ok: false, error: `message "${type}": ${problems.join('; ')}` };
  }
  // The name picks the schema and the data passed it: this is the union member for that name.
  return { ok: true, message: { type, payload: checked.data } as MessageOf<T> };
}

function isName<T extends Table>(table: T, name: string): name is keyof T & string {
  return Object.hasOwn(table, name);
}

