/**
 * What the fake server plays: latency per state and injected faults, per protocol. The schema
 * is the single source of truth; a scenario file is plain JSON checked against it.
 */
import * as z from 'zod/mini';
import { englishIssue } from '../internal/zod-english';
import { KIE_ROUTES, OPENAI_ROUTES, type RouteName } from './route-names';

/** Draws a duration in ms from a seeded random source (only from code; JSON cannot hold one). */
export type DurationSampler = (random: () => number) => number;

const nonnegative = () => z.number().check(z.nonnegative());

/**
 * A time span: fixed milliseconds, a seeded log-normal draw (benchmarks want a realistic spread
 * that repeats run to run), or a sampler function passed from code.
 */
export const durationSchema = z.union([
  nonnegative(),
  z.strictObject({ logNormal: z.strictObject({ medianMs: z.number().check(z.positive()), sigma: nonnegative() }) }),
  z.custom<DurationSampler>((value) => typeof value === 'function', 'expected milliseconds, { logNormal } or a function'),
]);
export type Duration = z.output<typeof durationSchema>;

/** Answer with this HTTP status (kie: this `code`, in the envelope or the status line). */
const statusFault = z.strictObject({
  kind: z.literal('status'),
  status: z.number().check(z.int(), z.gte(400), z.lte(599)),
  /** Seconds, sent as `retry-after`. */
  retryAfter: z.optional(nonnegative()),
  /** Milliseconds, sent as `retry-after-ms` (the header the openai SDK prefers). */
  retryAfterMs: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** Overrides the default message for the status. */
  message: z.optional(z.string()),
});

/** Send the headers and about half the body, then destroy the socket. The work was done (and billed). */
const resetMidBodyFault = z.strictObject({ kind: z.literal('resetMidBody') });
/** Send 200 with a truncated body (for streams: a truncated last event). The work was done (and billed). */
const malformedJsonFault = z.strictObject({ kind: z.literal('malformedJson') });
/** Do the work, then answer only after `ms` — for client timeouts; a timed-out request may still be billed. */
const hangFault = z.strictObject({ kind: z.literal('hang'), ms: nonnegative() });
/** kie: the task is accepted and stays `generating` forever. */
const neverFinishFault = z.strictObject({ kind: z.literal('neverFinish') });
/**
 * openai: 400 `moderation_blocked`; `stage: 'output'` means the image was made, then blocked (so
 * it counts as paid). kie: the task ends in `fail` with a moderation failCode/failMsg.
 */
const failModerationFault = z.strictObject({
  kind: z.literal('failModeration'),
  stage: z._default(z.enum(['input', 'output']), 'input'),
});
/**
 * kie: the result URL stops working `afterMs` after the task succeeded (0: at once) — on
 * `kie.createTask` for that task's result, on `kie.download` for that download.
 */
const expiredResultUrlFault = z.strictObject({
  kind: z.literal('expiredResultUrl'),
  afterMs: z._default(nonnegative(), 0),
  status: z._default(z.union([z.literal(404), z.literal(403)]), 404),
});
/** The upload service fails: HTTP 500, or (`envelope`) HTTP 200 with `{success: false, code: 500}`. */
const uploadFailureFault = z.strictObject({
  kind: z.literal('uploadFailure'),
  style: z._default(z.enum(['status', 'envelope']), 'status'),
});

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
    .strictObject({
      route: z.enum(routes),
      on: z.optional(z.array(z.number().check(z.int(), z.positive()))),
      probability: z.optional(z.number().check(z.gte(0), z.lte(1))),
      fault: faultSchema,
    })
    .check(
      z.superRefine((rule, ctx) => {
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
      }),
    );
}

const openaiScenarioSchema = z.strictObject({
  /** Time until the final image: the whole JSON answer, or a stream's `completed` event. */
  responseDelayMs: z._default(durationSchema, 0),
  /** Time between streamed partial images. */
  partialIntervalMs: z._default(nonnegative(), 0),
  faults: z._default(z.array(faultRuleSchema(OPENAI_ROUTES)), []),
});

const kieScenarioSchema = z.strictObject({
  /** Time a new task spends in `waiting`. */
  waitingMs: z._default(durationSchema, 0),
  /** Then in `queuing`. */
  queuingMs: z._default(durationSchema, 50),
  /** Then in `generating`, before `success`. */
  generatingMs: z._default(durationSchema, 150),
  /**
   * The one input field that carries reference URLs: the vendor's docs name it both ways
   * (SPEC 3.3), so a client must be configurable; the other name is ignored.
   */
  referenceField: z._default(z.enum(['image_urls', 'input_urls']), 'image_urls'),
  /** Put error codes in the HTTP status line too (default: HTTP 200 with the code in the body). */
  errorsInStatusLine: z._default(z.boolean(), false),
  /** Result URLs answer 404 this long after the task succeeded; null: never. */
  resultUrlTtlMs: z._default(z.nullable(nonnegative()), null),
  /** New tasks allowed per key per window; more get 429 and are not queued. */
  rateLimit: z.prefault(
    z.strictObject({
      maxTasks: z._default(z.number().check(z.int(), z.positive()), 20),
      windowMs: z._default(z.number().check(z.positive()), 10_000),
    }),
    {},
  ),
  faults: z._default(z.array(faultRuleSchema(KIE_ROUTES)), []),
});

/** A whole scenario; every part is optional and defaults to a well-behaved, quick server. */
export const scenarioSchema = z.strictObject({
  openai: z.prefault(openaiScenarioSchema, {}),
  kie: z.prefault(kieScenarioSchema, {}),
  /** Seeds every random choice (fault probabilities, sampled durations, ids), so runs repeat. */
  seed: z._default(z.number().check(z.int()), 1),
});

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
  // zod/mini has no locale: the messages the schema does not word itself get zod's English.
  const result = scenarioSchema.safeParse(value, { error: englishIssue });
  if (!result.success) throw new Error(`Invalid fake-server scenario:\n${z.prettifyError(result.error)}`);
  return result.data;
}
