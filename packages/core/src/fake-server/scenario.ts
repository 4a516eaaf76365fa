/**
 * What the fake server plays: latency per state and injected faults, per protocol. The schema
 * is the single source of truth; a scenario file is plain JSON checked against it.
 */
import { z } from 'zod';
import { KIE_ROUTES, OPENAI_ROUTES, type RouteName } from './route-names';

/** Draws a duration in ms from a seeded random source (only from code; JSON cannot hold one). */
export type DurationSampler = (random: () => number) => number;

/**
 * A time span: fixed milliseconds, a seeded log-normal draw (benchmarks want a realistic spread
 * that repeats run to run), or a sampler function passed from code.
 */
export const durationSchema = z.union([
  z.number().nonnegative(),
  z.object({ logNormal: z.object({ medianMs: z.number().positive(), sigma: z.number().nonnegative() }).strict() }).strict(),
  z.custom<DurationSampler>((value) => typeof value === 'function', 'expected milliseconds, { logNormal } or a function'),
]);
export type Duration = z.output<typeof durationSchema>;

/** Answer with this HTTP status (kie: this `code`, in the envelope or the status line). */
const statusFault = z.object({
  kind: z.literal('status'),
  status: z.number().int().min(400).max(599),
  /** Seconds, sent as `retry-after`. */
  retryAfter: z.number().nonnegative().optional(),
  /** Milliseconds, sent as `retry-after-ms` (the header the openai SDK prefers). */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** Overrides the default message for the status. */
  message: z.string().optional(),
}).strict();

/** Send the headers and about half the body, then destroy the socket. The work was done (and billed). */
const resetMidBodyFault = z.object({ kind: z.literal('resetMidBody') }).strict();
/** Send 200 with a truncated body (for streams: a truncated last event). The work was done (and billed). */
const malformedJsonFault = z.object({ kind: z.literal('malformedJson') }).strict();
/** Do the work, then answer only after `ms` — for client timeouts; a timed-out request may still be billed. */
const hangFault = z.object({ kind: z.literal('hang'), ms: z.number().nonnegative() }).strict();
/** kie: the task is accepted and stays `generating` forever. */
const neverFinishFault = z.object({ kind: z.literal('neverFinish') }).strict();
/**
 * openai: 400 `moderation_blocked`; `stage: 'output'` means the image was made, then blocked (so
 * it counts as paid). kie: the task ends in `fail` with a moderation failCode/failMsg.
 */
const failModerationFault = z.object({
  kind: z.literal('failModeration'),
  stage: z.enum(['input', 'output']).default('input'),
}).strict();
/**
 * kie: the result URL stops working `afterMs` after the task succeeded (0: at once) — on
 * `kie.createTask` for that task's result, on `kie.download` for that download.
 */
const expiredResultUrlFault = z.object({
  kind: z.literal('expiredResultUrl'),
  afterMs: z.number().nonnegative().default(0),
  status: z.union([z.literal(404), z.literal(403)]).default(404),
}).strict();
/** The upload service fails: HTTP 500, or (`envelope`) HTTP 200 with `{success: false, code: 500}`. */
const uploadFailureFault = z.object({
  kind: z.literal('uploadFailure'),
  style: z.enum(['status', 'envelope']).default('status'),
}).strict();

/** One injected fault. */
export const faultSchema = z.discriminatedUnion('kind', [
  statusFault,
  resetMidBodyFault,
  malformedJsonFault,
  hangFault,
  neverFinishFault,
  failModerationFault,
  expiredResultUrlFault,
  uploadFailureFault,
]);
export type Fault = z.output<typeof faultSchema>;
export type FaultKind = Fault['kind'];

/** Faults that only change how the answer travels; any route can have them. */
const TRANSPORT_FAULTS: readonly FaultKind[] = ['status', 'resetMidBody', 'malformedJson', 'hang'];

/** Which faults make sense where; a rule outside this table is a scenario error, not a silent no-op. */
const FAULTS_FOR_ROUTE: Readonly<Record<RouteName, readonly FaultKind[]>> = {
  'openai.generate': [...TRANSPORT_FAULTS, 'failModeration'],
  'openai.edit': [...TRANSPORT_FAULTS, 'failModeration'],
  'kie.createTask': [...TRANSPORT_FAULTS, 'neverFinish', 'failModeration', 'expiredResultUrl'],
  'kie.recordInfo': TRANSPORT_FAULTS,
  'kie.download': [...TRANSPORT_FAULTS, 'expiredResultUrl'],
  'upload.stream': [...TRANSPORT_FAULTS, 'uploadFailure'],
  'upload.base64': [...TRANSPORT_FAULTS, 'uploadFailure'],
  'upload.download': TRANSPORT_FAULTS,
};

/**
 * When a fault fires: on the listed request numbers of its route (1-based, counted since the
 * scenario was set), with a seeded probability, or — with neither — on every request.
 */
function faultRuleSchema<const R extends readonly [RouteName, ...RouteName[]]>(routes: R) {
  return z
    .object({
      route: z.enum(routes),
      on: z.array(z.number().int().positive()).optional(),
      probability: z.number().min(0).max(1).optional(),
      fault: faultSchema,
    })
    .strict()
    .superRefine((rule, ctx) => {
      if (!FAULTS_FOR_ROUTE[rule.route].includes(rule.fault.kind)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fault', 'kind'],
          message: `fault "${rule.fault.kind}" does not apply to ${rule.route}; use one of ${FAULTS_FOR_ROUTE[rule.route].join(', ')}`,
        });
      }
      if (rule.on !== undefined && rule.probability !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['probability'], message: 'give either "on" or "probability", not both' });
      }
    });
}

const openaiScenarioSchema = z
  .object({
    /** Time until the final image: the whole JSON answer, or a stream's `completed` event. */
    responseDelayMs: durationSchema.default(0),
    /** Time between streamed partial images. */
    partialIntervalMs: z.number().nonnegative().default(0),
    faults: z.array(faultRuleSchema(OPENAI_ROUTES)).default([]),
  })
  .strict();

const kieScenarioSchema = z
  .object({
    /** Time a new task spends in `waiting`. */
    waitingMs: durationSchema.default(0),
    /** Then in `queuing`. */
    queuingMs: durationSchema.default(50),
    /** Then in `generating`, before `success`. */
    generatingMs: durationSchema.default(150),
    /**
     * The one input field that carries reference URLs: the vendor's docs name it both ways
     * (SPEC 3.3), so a client must be configurable; the other name is ignored.
     */
    referenceField: z.enum(['image_urls', 'input_urls']).default('image_urls'),
    /** Put error codes in the HTTP status line too (default: HTTP 200 with the code in the body). */
    errorsInStatusLine: z.boolean().default(false),
    /** Result URLs answer 404 this long after the task succeeded; null: never. */
    resultUrlTtlMs: z.number().nonnegative().nullable().default(null),
    /** New tasks allowed per key per window; more get 429 and are not queued. */
    rateLimit: z
      .object({ maxTasks: z.number().int().positive().default(20), windowMs: z.number().positive().default(10_000) })
      .strict()
      .prefault({}),
    faults: z.array(faultRuleSchema(KIE_ROUTES)).default([]),
  })
  .strict();

/** A whole scenario; every part is optional and defaults to a well-behaved, quick server. */
export const scenarioSchema = z
  .object({
    openai: openaiScenarioSchema.prefault({}),
    kie: kieScenarioSchema.prefault({}),
    /** Seeds every random choice (fault probabilities, sampled durations, ids), so runs repeat. */
    seed: z.number().int().default(1),
  })
  .strict();

/** A scenario as written (in JSON or code): everything optional. */
export type Scenario = z.input<typeof scenarioSchema>;
/** A scenario with its defaults filled in. */
export type ResolvedScenario = z.output<typeof scenarioSchema>;
/** One fault rule, either protocol. */
export type FaultRule = ResolvedScenario['openai']['faults'][number] | ResolvedScenario['kie']['faults'][number];

/**
 * Checks a scenario and fills its defaults.
 * @throws Error naming every broken field, e.g. `kie.faults[0].fault.kind: …`.
 */
export function parseScenario(value: unknown): ResolvedScenario {
  const result = scenarioSchema.safeParse(value);
  if (!result.success) throw new Error(`Invalid fake-server scenario:\n${z.prettifyError(result.error)}`);
  return result.data;
}
