/**
 * The fake server's memory of every request, so tests can assert what a client really sent and
 * count paid submissions. API keys never enter it in full.
 */
import type { RouteName } from './route-names';
import type { FaultKind } from './scenario';

/** One image part of a multipart request (or one uploaded file), as received. */
export interface RecordedImage {
  /** The form field, e.g. `image[]`, `image` or `file`. */
  readonly field: string;
  readonly filename: string | null;
  /** The declared content type of the part. */
  readonly contentType: string;
  readonly byteLength: number;
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
  /** What the bytes themselves say (null when they are not PNG, JPEG or WebP). */
  readonly sniffedType: string | null;
  readonly width: number | null;
  readonly height: number | null;
}

/** One request, as the server saw and answered it. */
export interface RecordedRequest {
  /** 1-based arrival order across all routes. */
  readonly seq: number;
  /** Arrival time on the server's clock. */
  readonly at: number;
  readonly method: string;
  /** Path and query string. */
  readonly path: string;
  /** The endpoint's name, or null for a path the server does not serve. */
  readonly route: RouteName | null;
  /** The HTTP status sent; 0 while the answer is pending (e.g. a `hang` fault). */
  readonly status: number;
  /**
   * True when the request started a billable generation: an OpenAI generate/edit that passed
   * validation, or an accepted kie createTask — even if the answer was then lost to a fault.
   */
  readonly paid: boolean;
  /** The Authorization header with all but the key's last four characters masked. */
  readonly authorization?: string;
  /** A summary of the body: JSON with long strings shortened, or the text fields of a form. */
  readonly body?: unknown;
  /** Image parts of a multipart body, in the order received. */
  readonly images?: readonly RecordedImage[];
  /** The injected fault this request met, if any. */
  readonly fault?: FaultKind;
  /** The kie task this request created or asked about. */
  readonly taskId?: string;
  /** The error message sent back, if the answer was an error. */
  readonly error?: string;
}

/** The log's own writable view of a record: filled in as the request is handled. */
export type RequestRecord = { -readonly [K in keyof RecordedRequest]: RecordedRequest[K] };

/** Appends records in arrival order; cleared by the server's `reset()`. */
export class RequestLog {
  readonly #records: RequestRecord[] = [];
  #nextSeq = 1;

  /** Every record so far. Records of requests still in flight keep being updated. */
  get records(): readonly RecordedRequest[] {
    return this.#records;
  }

  /** Starts the record of a request that just arrived. */
  start(fields: Pick<RecordedRequest, 'at' | 'method' | 'path' | 'route'> & { authorization: string | undefined }): RequestRecord {
    const { authorization, ...rest } = fields;
    const record: RequestRecord = { seq: this.#nextSeq++, ...rest, status: 0, paid: false };
    if (authorization !== undefined) record.authorization = maskAuthorization(authorization);
    this.#records.push(record);
    return record;
  }

  /** Paid requests, all or for one provider. */
  paidCount(provider?: 'openai' | 'kie'): number {
    return this.#records.filter((r) => r.paid && (provider === undefined || r.route?.startsWith(`${provider}.`) === true)).length;
  }

  clear(): void {
    this.#records.length = 0;
    this.#nextSeq = 1;
  }
}

/** Shorter than this, even the last four characters would give away too much of the key. */
const MIN_KEY_LENGTH_TO_SHOW_TAIL = 12;

/**
 * `Bearer sk-test-abcdefgh1234` → `Bearer ****1234`. Keys too short to show a tail safely are
 * masked completely; anything that is not a Bearer header is masked as a whole.
 */
export function maskAuthorization(header: string): string {
  const match = /^(\S+)\s+(.+)$/.exec(header.trim());
  const scheme = match?.[1];
  const key = match?.[2];
  if (scheme === undefined || key === undefined) return '****';
  return `${scheme} ${maskKey(key)}`;
}

/** A key with all but its last four characters replaced. */
export function maskKey(key: string): string {
  return key.length >= MIN_KEY_LENGTH_TO_SHOW_TAIL ? `****${key.slice(-4)}` : '****';
}

const MAX_LOGGED_STRING = 200;

/**
 * A copy of a JSON body fit for the log: strings over 200 characters are cut (base64 image data
 * would otherwise fill memory), nested values kept.
 */
export function summarizeBody(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_LOGGED_STRING ? `${value.slice(0, 60)}… (${value.length} chars)` : value;
  }
  if (Array.isArray(value)) return value.map(summarizeBody);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarizeBody(v)]));
  }
  return value;
}
