import type { ErrorKind, ProviderId } from '@gpt-image/core/contract';
import { isPlainObject, jsonObject, type Check } from './checks';
import type { JsonObject, JsonValue } from './json';
import { ProtocolError } from './protocol-error';

/**
 * Core's `TaskState`. Core's tasks module is not in its sandbox-safe entry, so the main thread (no
 * DOM types) cannot import even its types; `test/protocol.test.ts` checks this list against core's.
 */
export const TASK_STATES = ['submitted', 'queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

// Checked against core's unions by the compiler: a missing or unknown member is a type error.
const PROVIDERS: Readonly<Record<ProviderId, true>> = { placeholder: true, openai: true, kie: true };
const ERROR_KINDS: Readonly<Record<ErrorKind, true>> = {
  invalid_input: true, auth: true, insufficient_credits: true, rate_limited: true, content_policy: true,
  invalid_request: true, timeout: true, provider_failure: true, network: true, output: true, cancelled: true, internal: true,
};

/** The request part of a task record (core's `RequestSummary`), as far as the plugin relies on it. */
export type RequestSummaryJson = JsonObject & {
  readonly provider: ProviderId;
  readonly model: string;
  readonly options: JsonObject & { readonly prompt: string; readonly mode: 'generate' | 'edit' };
  readonly references: readonly JsonValue[];
  readonly size: { readonly width: number; readonly height: number } | null;
  readonly cost: JsonObject & { readonly amount: number; readonly unit: 'USD' | 'credits' };
};

/**
 * Core's `TaskRecord` as JSON: what the UI sends once the provider accepted a task and what main
 * hands back to resume it. The fields named here are checked; the rest travels as plain JSON.
 */
export type TaskRecordJson = JsonObject & {
  readonly version: 1;
  readonly id: string;
  readonly state: TaskState;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly request: RequestSummaryJson;
  readonly resume: JsonObject | null;
  readonly resumable: boolean;
  readonly error: { readonly kind: ErrorKind; readonly message: string } | null;
};

/** A task record travels and is stored as JSON (clientStorage, shared plugin data): keep it small. */
export const MAX_TASK_RECORD_CHARS = 32_000;

/** Field names that would mean a secret slipped into a record; a record must never carry a key. */
const SECRET_FIELD = /^(api[-_]?key|authorization|secret|password|bearer|token)$/i;

/**
 * Checks (and copies) a task record: every field above, at most `MAX_TASK_RECORD_CHARS` of JSON,
 * and no field named like a secret. The UI can pass core's `TaskRecord` straight in.
 */
export const parseTaskRecord: Check<TaskRecordJson> = (value, path) => {
  const record = jsonObject(12)(value, path);
  const chars = JSON.stringify(record).length;
  if (chars > MAX_TASK_RECORD_CHARS) throw new ProtocolError(`${path} is ${chars} characters of JSON; a task record may have at most ${MAX_TASK_RECORD_CHARS}`);
  const secret = findSecretField(record, path);
  if (secret) throw new ProtocolError(`${secret} looks like a secret; a task record must never contain a key`);
  if (!isTaskRecord(record)) throw new ProtocolError(`${path}.${taskRecordProblem(record) ?? 'record'} is not what a task record holds`);
  return record;
};

function isTaskRecord(record: JsonObject): record is TaskRecordJson {
  return taskRecordProblem(record) === null;
}

/** The first field that is not what a task record holds, or null. */
function taskRecordProblem(r: JsonObject): string | null {
  if (r['version'] !== 1) return 'version';
  if (!nonEmptyString(r['id'])) return 'id';
  if (!TASK_STATES.some((state) => state === r['state'])) return 'state';
  if (!nonEmptyString(r['createdAt'])) return 'createdAt';
  if (!nonEmptyString(r['updatedAt'])) return 'updatedAt';
  if (typeof r['resumable'] !== 'boolean') return 'resumable';
  const resume = r['resume'];
  if (resume !== null && !isPlainObject(resume)) return 'resume';
  const error = r['error'];
  if (error !== null && !(isPlainObject(error) && isKey(ERROR_KINDS, error['kind']) && typeof error['message'] === 'string')) return 'error';
  const request = r['request'];
  if (!isPlainObject(request)) return 'request';
  const problem = requestSummaryProblem(request);
  return problem ? `request.${problem}` : null;
}

function requestSummaryProblem(s: { readonly [key: string]: unknown }): string | null {
  if (!isKey(PROVIDERS, s['provider'])) return 'provider';
  if (!nonEmptyString(s['model'])) return 'model';
  const options = s['options'];
  if (!isPlainObject(options) || typeof options['prompt'] !== 'string' || (options['mode'] !== 'generate' && options['mode'] !== 'edit')) return 'options';
  if (!Array.isArray(s['references'])) return 'references';
  const size = s['size'];
  if (size !== null && !(isPlainObject(size) && typeof size['width'] === 'number' && typeof size['height'] === 'number')) return 'size';
  const cost = s['cost'];
  if (!isPlainObject(cost) || typeof cost['amount'] !== 'number' || (cost['unit'] !== 'USD' && cost['unit'] !== 'credits')) return 'cost';
  return null;
}

function findSecretField(value: unknown, path: string): string | null {
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((entry: unknown, i): [string, unknown] => [`${path}[${i}]`, entry])
    : isPlainObject(value)
      ? Object.entries(value).map(([key, entry]): [string, unknown] => [`${path}.${key}`, entry])
      : [];
  for (const [where, entry] of entries) {
    if (SECRET_FIELD.test(where.slice(where.lastIndexOf('.') + 1))) return where;
    const hit = findSecretField(entry, where);
    if (hit) return hit;
  }
  return null;
}

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function isKey<K extends string>(table: Readonly<Record<K, true>>, value: unknown): value is K {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value);
}
