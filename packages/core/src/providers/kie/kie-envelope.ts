import * as z from 'zod/mini';

/**
 * The shapes kie answers in, checked at the edge. Every answer of the task API is an envelope
 * `{code, msg, data}`; an error may come as a `code` inside an HTTP 200 as often as in the status
 * line, so both are read (see `kie-http.ts`).
 */
const envelopeSchema = z.object({
  code: z.number(),
  msg: z.nullish(z.string()),
  data: z.optional(z.unknown()),
});
export type KieEnvelope = z.infer<typeof envelopeSchema>;

/** The envelope of a body, or null when the body is not one. */
export function parseEnvelope(json: unknown): KieEnvelope | null {
  const parsed = envelopeSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const createdSchema = z.object({ taskId: z.string().check(z.minLength(1)) });

/** The task id of a createTask answer's `data`, or null when there is none. */
export function parseCreated(data: unknown): string | null {
  const parsed = createdSchema.safeParse(data);
  return parsed.success ? parsed.data.taskId : null;
}

/** The states `recordInfo` reports. */
export const KIE_STATES = ['waiting', 'queuing', 'generating', 'success', 'fail'] as const;
export type KieState = (typeof KIE_STATES)[number];

/** A number, also when sent as text (kie's numeric fields are not always typed the same). */
const looseNumber = z.nullish(
  z.union([z.number(), z.pipe(z.string().check(z.regex(/^\d+(\.\d+)?$/)), z.transform((text: string) => Number(text)))]),
);

const recordSchema = z.object({
  taskId: z.nullish(z.string()),
  state: z.enum(KIE_STATES),
  resultJson: z.optional(z.unknown()),
  failCode: z.nullish(z.union([z.string(), z.number()])),
  failMsg: z.nullish(z.string()),
  costTime: looseNumber,
  creditsConsumed: looseNumber,
});

/** What `recordInfo` says about a task, as the runtime uses it. */
export interface KieRecord {
  readonly state: KieState;
  /** The result URLs of a `success` (from the JSON string `resultJson`). */
  readonly resultUrls: readonly string[];
  readonly failCode: string | null;
  readonly failMsg: string | null;
  /** Milliseconds from creation to completion, once complete. */
  readonly costTime: number | null;
  readonly creditsConsumed: number | null;
}

/** The record in a recordInfo answer's `data`, or null when it is not one. */
export function parseRecord(data: unknown): KieRecord | null {
  const parsed = recordSchema.safeParse(data);
  if (!parsed.success) return null;
  const r = parsed.data;
  return {
    state: r.state,
    resultUrls: r.state === 'success' ? parseResultUrls(r.resultJson) : [],
    failCode: r.failCode === null || r.failCode === undefined || r.failCode === '' ? null : String(r.failCode),
    failMsg: r.failMsg || null,
    costTime: r.costTime ?? null,
    creditsConsumed: r.creditsConsumed ?? null,
  };
}

const resultSchema = z.object({ resultUrls: z.array(z.string()) });

/**
 * `resultJson` is a JSON *string* holding `{resultUrls: [...]}`; an object is accepted too, in case
 * the vendor ever stops double-encoding it.
 */
export function parseResultUrls(resultJson: unknown): readonly string[] {
  let value = resultJson;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  const parsed = resultSchema.safeParse(value);
  return parsed.success ? parsed.data.resultUrls.filter((url) => /^https?:\/\//i.test(url)) : [];
}

const uploadReplySchema = z.object({
  success: z.nullish(z.boolean()),
  code: z.nullish(z.number()),
  msg: z.nullish(z.string()),
  data: z.nullish(z.looseObject({ downloadUrl: z.string().check(z.minLength(1)) })),
});

/** What the upload service said: the download URL, or its code and message. */
export type UploadReply =
  | { readonly ok: true; readonly downloadUrl: string }
  | { readonly ok: false; readonly code: number | null; readonly msg: string | null };

/** Reads the upload service's `{success, code, msg, data: {downloadUrl, …}}`. */
export function parseUploadReply(json: unknown): UploadReply | null {
  const parsed = uploadReplySchema.safeParse(json);
  if (!parsed.success) return null;
  const { success, code, msg, data } = parsed.data;
  const refused = success === false || (code !== null && code !== undefined && code !== 200);
  if (!refused && data?.downloadUrl) return { ok: true, downloadUrl: data.downloadUrl };
  return { ok: false, code: code ?? null, msg: msg ?? null };
}
