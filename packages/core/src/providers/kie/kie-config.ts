import { createAdaptivePollPolicy, type PollPolicy } from '../../policies/poll-policy';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../policies/retry-policy';

/**
 * Facts about the kie task API that its documentation states loosely or in two ways (SPEC 3.3):
 * kept here as data, so a change at the vendor is a change in this one table.
 */
export const KIE_API = {
  /** The task API's host. */
  baseUrl: 'https://api.kie.ai',
  /** The file upload service's host, as commonly documented; uploads expire within about a day. */
  uploadBaseUrl: 'https://kieai.redpandaai.co',
  /**
   * Where finished images are stored: the hosts of `resultJson.resultUrls`, which a host that
   * allow-lists downloads (Figma's manifest) must list. The public docs' examples use
   * `tempfile.aiquickdraw.com`; `file.` and `static.aiquickdraw.com` have been seen too. Not a
   * documented contract: a result elsewhere is refused by name (see the Figma UI's fetch guard).
   */
  resultHosts: ['https://tempfile.aiquickdraw.com', 'https://file.aiquickdraw.com', 'https://static.aiquickdraw.com'],
  paths: {
    createTask: '/api/v1/jobs/createTask',
    recordInfo: '/api/v1/jobs/recordInfo',
    streamUpload: '/api/file-stream-upload',
    base64Upload: '/api/file-base64-upload',
  },
  models: { textToImage: 'gpt-image-2-text-to-image', imageToImage: 'gpt-image-2-image-to-image' },
  /** `image_urls` on the product page and in one version of the docs, `input_urls` in another. */
  referenceField: 'image_urls',
  /** New tasks per key per window; more get 429 and are not queued. */
  createLimit: { maxTasks: 20, windowMs: 10_000 },
  /** The vendor suggests giving up after 10–15 minutes. */
  deadlineMs: 15 * 60 * 1000,
} as const;

/** The models the runtime picks between. */
export interface KieModels {
  /** @default 'gpt-image-2-text-to-image' */
  readonly textToImage: string;
  /** @default 'gpt-image-2-image-to-image' */
  readonly imageToImage: string;
}

/** How the client keeps under kie's limit on new tasks. */
export interface KieCreateLimit {
  /** @default 20 */
  readonly maxTasks: number;
  /** @default 10000 */
  readonly windowMs: number;
  /**
   * Added to the window: requests take a varying time to arrive, so two submissions spaced exactly
   * one window apart here may land less than a window apart there. @default 500
   */
  readonly marginMs: number;
}

/** How to reach kie for one user. Plain data plus injected policies; the host keeps the key. */
export interface KieConfig {
  /**
   * The user's API key, as the host stored it. Sent only in the `Authorization` header to the task
   * API and the upload service — never to result or reference URLs — and never put in a message,
   * note, error or resume data.
   */
  readonly apiKey: string;
  /** The task API; the fake server in tests. @default 'https://api.kie.ai' */
  readonly baseUrl?: string;
  /** The upload service for local reference images. @default 'https://kieai.redpandaai.co' */
  readonly uploadBaseUrl?: string;
  /** The input field that carries reference URLs (the docs disagree). @default 'image_urls' */
  readonly referenceField?: string;
  /** @default KIE_API.models */
  readonly models?: Partial<KieModels>;
  /**
   * When to ask a task's status. Pass one policy for the host's lifetime (with a saved history)
   * so it keeps learning. @default createAdaptivePollPolicy() for this provider instance
   */
  readonly pollPolicy?: PollPolicy;
  /**
   * Give up following a task this long after it was accepted (or resumed); the task may still
   * finish at kie and can be resumed. @default 900000 (15 minutes)
   */
  readonly deadlineMs?: number;
  /** How local reference images are sent to the upload service. @default 'stream' (multipart) */
  readonly uploadMethod?: 'stream' | 'base64';
  /** The folder name uploads are filed under at kie. @default 'gpt-image/references' */
  readonly uploadPath?: string;
  /** Sent as `callBackUrl` when set; the runtime polls either way. */
  readonly callBackUrl?: string;
  /** When and how often a refused request is tried again. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** How long one HTTP request may take before it is abandoned. @default 120000 */
  readonly requestTimeoutMs?: number;
  /** @default { maxTasks: 20, windowMs: 10000, marginMs: 500 } */
  readonly createLimit?: Partial<KieCreateLimit>;
}

/** A config with every default applied. */
export interface ResolvedKieConfig {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly uploadBaseUrl: string;
  readonly referenceField: string;
  readonly models: KieModels;
  readonly pollPolicy: PollPolicy;
  readonly deadlineMs: number;
  readonly uploadMethod: 'stream' | 'base64';
  readonly uploadPath: string;
  readonly callBackUrl: string | null;
  readonly retryPolicy: RetryPolicy;
  readonly requestTimeoutMs: number;
  readonly createLimit: KieCreateLimit;
}

/** Applies the defaults; throws a `RangeError` naming the option for a value out of range. */
export function resolveKieConfig(config: KieConfig): ResolvedKieConfig {
  const deadlineMs = config.deadlineMs ?? KIE_API.deadlineMs;
  const requestTimeoutMs = config.requestTimeoutMs ?? 120_000;
  if (!(deadlineMs > 0)) throw new RangeError(`deadlineMs must be a positive number of milliseconds (got ${deadlineMs})`);
  if (!(requestTimeoutMs > 0)) throw new RangeError(`requestTimeoutMs must be a positive number of milliseconds (got ${requestTimeoutMs})`);
  const createLimit: KieCreateLimit = {
    maxTasks: config.createLimit?.maxTasks ?? KIE_API.createLimit.maxTasks,
    windowMs: config.createLimit?.windowMs ?? KIE_API.createLimit.windowMs,
    marginMs: config.createLimit?.marginMs ?? 500,
  };
  if (!Number.isInteger(createLimit.maxTasks) || createLimit.maxTasks < 1) {
    throw new RangeError(`createLimit.maxTasks must be a whole number of at least 1 (got ${createLimit.maxTasks})`);
  }
  return {
    apiKey: config.apiKey,
    baseUrl: trimSlash(config.baseUrl ?? KIE_API.baseUrl),
    uploadBaseUrl: trimSlash(config.uploadBaseUrl ?? KIE_API.uploadBaseUrl),
    referenceField: config.referenceField ?? KIE_API.referenceField,
    models: { ...KIE_API.models, ...config.models },
    pollPolicy: config.pollPolicy ?? createAdaptivePollPolicy(),
    deadlineMs,
    uploadMethod: config.uploadMethod ?? 'stream',
    uploadPath: config.uploadPath ?? 'gpt-image/references',
    callBackUrl: config.callBackUrl ?? null,
    retryPolicy: config.retryPolicy ?? DEFAULT_RETRY_POLICY,
    requestTimeoutMs,
    createLimit,
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
