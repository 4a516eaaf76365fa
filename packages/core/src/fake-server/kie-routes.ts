/**
 * The kie task API (SPEC 3.3): `createTask` and `recordInfo`. Validation follows the provider's
 * declared capabilities, so the fake refuses exactly what the product must refuse up front.
 */
import { ASPECT_RATIOS, RESOLUTIONS, type AspectRatio, type Resolution } from '../options/option-values';
import { KIE_PRICES } from '../pricing/price-tables';
import { PROVIDERS } from '../providers/provider-catalog';
import { presetSize } from '../sizes/preset-sizes';
import { completionTime, viewTask, type KieEnding, type KieTask } from './kie-tasks';
import { kieError, kieMessage, kieSuccess } from './kie-envelope';
import { asRecord, bearerToken, parseJson } from './read-body';
import { editCaption } from './received-image';
import { resolveReference } from './resolve-reference';
import { renderImage } from './render-image';
import { retryHeaders, type Reply } from './reply';
import type { RecordedImage } from './request-log';
import { summarizeBody } from './request-log';
import { sampleDuration } from './sample-duration';
import type { RouteRequest, ServerContext } from './server-context';

/** The two models of the task API. */
export const KIE_MODELS = ['gpt-image-2-text-to-image', 'gpt-image-2-image-to-image'] as const;

const MAX_PROMPT_LENGTH = 20_000;
const MAX_REFERENCES = PROVIDERS.kie.capabilities.maxImages;

/** Messages a kie task fails with; moderation wording as the vendor's users report it. */
export const KIE_FAILURES = {
  moderationInput: { failCode: '400', failMsg: 'Your prompt was flagged by the content moderation system. Please revise it and try again.' },
  moderationOutput: { failCode: '400', failMsg: 'The generated image was flagged by the content moderation system.' },
  reference: (url: string) => ({ failCode: '422', failMsg: `Failed to download the input image: ${url}` }),
} as const;

/** `POST /api/v1/jobs/createTask`. */
export async function createTask({ req, body, record, fault }: RouteRequest, ctx: ServerContext): Promise<Reply> {
  const { scenario, clock } = ctx;
  const inStatusLine = scenario.kie.errorsInStatusLine;
  const now = clock.now();
  const key = bearerToken(req);
  if (key === null || !ctx.isAcceptedKey(key)) return kieError(401, kieMessage(401), inStatusLine);
  if (fault?.kind === 'status') {
    return kieError(fault.status, fault.message ?? kieMessage(fault.status), inStatusLine, retryHeaders(fault));
  }
  const { maxTasks, windowMs } = scenario.kie.rateLimit;
  if (!ctx.kieRateLimit.tryTake(key, now)) {
    return kieError(429, `Rate limited: at most ${maxTasks} new tasks per ${windowMs / 1000} s; this task was not queued`, inStatusLine);
  }
  const json = parseJson(body);
  if (!json.ok) return kieError(422, json.reason, inStatusLine);
  record.body = summarizeBody(json.value);
  const input = validateCreate(json.value, scenario.kie.referenceField);
  if (typeof input === 'string') return kieError(422, input, inStatusLine);

  // Accepted: from here on the task is billed, whatever happens to the answer.
  record.paid = true;
  const taskId = ctx.nextId('task');
  record.taskId = taskId;
  const references = await Promise.all(input.references.map((url) => resolveReference(url, ctx, now)));
  const images: RecordedImage[] = [];
  for (const ref of references) if (ref.ok) images.push({ ...ref.image, field: scenario.kie.referenceField });
  if (images.length > 0) record.images = images;

  const durations = {
    waitingMs: sampleDuration(scenario.kie.waitingMs, ctx.random),
    queuingMs: sampleDuration(scenario.kie.queuingMs, ctx.random),
    generatingMs: sampleDuration(scenario.kie.generatingMs, ctx.random),
  };
  const endsAt = completionTime({ createdAt: now, ...durations });
  const brokenReference = references.find((ref) => !ref.ok);
  let ending: KieEnding;
  if (brokenReference) {
    ending = { kind: 'fail', ...KIE_FAILURES.reference(brokenReference.url) };
  } else if (fault?.kind === 'neverFinish') {
    ending = { kind: 'never' };
  } else if (fault?.kind === 'failModeration') {
    ending = { kind: 'fail', ...(fault.stage === 'input' ? KIE_FAILURES.moderationInput : KIE_FAILURES.moderationOutput) };
  } else {
    const path = `/files/${taskId}.png`;
    const { width, height } = presetSize(input.resolution, input.aspectRatio === 'auto' ? '1:1' : input.aspectRatio);
    const ttl = fault?.kind === 'expiredResultUrl' ? fault.afterMs : scenario.kie.resultUrlTtlMs;
    const caption = images.length > 0 ? editCaption(images) : undefined;
    ctx.files.put({
      path,
      mimeType: 'image/png',
      availableAt: endsAt,
      expiresAt: ttl === null ? null : endsAt + ttl,
      expiredStatus: fault?.kind === 'expiredResultUrl' ? fault.status : 404,
      load: async () => (await renderImage({ prompt: input.prompt, width, height, format: 'png', background: 'auto', caption })).bytes,
    });
    ending = { kind: 'success', resultUrl: `${ctx.origin}${path}`, credits: KIE_PRICES.perImage[input.resolution] };
  }
  const task: KieTask = { taskId, model: input.model, param: JSON.stringify(json.value), createdAt: now, ...durations, ending };
  ctx.tasks.add(task);
  return kieSuccess({ taskId });
}

/** `GET /api/v1/jobs/recordInfo?taskId=…`. */
export async function recordInfo({ req, url, record, fault }: RouteRequest, ctx: ServerContext): Promise<Reply> {
  const inStatusLine = ctx.scenario.kie.errorsInStatusLine;
  const key = bearerToken(req);
  if (key === null || !ctx.isAcceptedKey(key)) return kieError(401, kieMessage(401), inStatusLine);
  if (fault?.kind === 'status') {
    return kieError(fault.status, fault.message ?? kieMessage(fault.status), inStatusLine, retryHeaders(fault));
  }
  const taskId = url.searchParams.get('taskId');
  if (!taskId) return kieError(422, 'taskId is required', inStatusLine);
  record.taskId = taskId;
  const task = ctx.tasks.get(taskId);
  // The vendor's answer for an unknown id, word for word.
  if (!task) return kieError(422, 'record is null', inStatusLine);
  const view = viewTask(task, ctx.clock.now());
  const { ending } = task;
  const success = view.state === 'success' && ending.kind === 'success';
  const failed = view.state === 'fail' && ending.kind === 'fail';
  return kieSuccess({
    taskId: task.taskId,
    model: task.model,
    state: view.state,
    param: task.param,
    // A JSON string inside the JSON, as the vendor sends it.
    resultJson: success ? JSON.stringify({ resultUrls: [ending.resultUrl] }) : '',
    failCode: failed ? ending.failCode : '',
    failMsg: failed ? ending.failMsg : '',
    costTime: view.completeTime === null ? null : view.completeTime - task.createdAt,
    creditsConsumed: success ? ending.credits : failed ? 0 : null,
    completeTime: view.completeTime,
    createTime: task.createdAt,
    updateTime: view.updateTime,
  });
}

interface CreateInput {
  readonly model: (typeof KIE_MODELS)[number];
  readonly prompt: string;
  readonly resolution: Resolution;
  readonly aspectRatio: AspectRatio;
  readonly references: readonly string[];
}

/** The create body, checked; a string is the 422 message. */
function validateCreate(value: unknown, referenceField: string): CreateInput | string {
  const body = asRecord(value);
  if (!body) return 'the request body must be a JSON object';
  const model = KIE_MODELS.find((m) => m === body['model']);
  if (!model) return `model must be one of ${KIE_MODELS.join(', ')} (got ${JSON.stringify(body['model'])})`;
  if (body['callBackUrl'] !== undefined && typeof body['callBackUrl'] !== 'string') return 'callBackUrl must be a string';
  const input = asRecord(body['input']);
  if (!input) return 'input is required and must be an object';
  const prompt = input['prompt'];
  if (typeof prompt !== 'string' || prompt.trim() === '') return 'input.prompt is required';
  if ([...prompt].length > MAX_PROMPT_LENGTH) return `input.prompt must be at most ${MAX_PROMPT_LENGTH} characters`;
  const resolution = input['resolution'] === undefined ? '1K' : RESOLUTIONS.find((r) => r === input['resolution']);
  if (!resolution) return `input.resolution must be one of ${RESOLUTIONS.join(', ')}`;
  const aspectRatio = input['aspect_ratio'] === undefined ? 'auto' : ASPECT_RATIOS.find((r) => r === input['aspect_ratio']);
  if (!aspectRatio) return `input.aspect_ratio must be one of ${ASPECT_RATIOS.join(', ')}`;
  const allowed: readonly AspectRatio[] = PROVIDERS.kie.capabilities.aspectRatios[resolution];
  if (!allowed.includes(aspectRatio)) return `input.aspect_ratio ${aspectRatio} is not available at ${resolution}`;
  const rawReferences = input[referenceField];
  if (model === 'gpt-image-2-text-to-image') {
    if (rawReferences !== undefined) return `${model} takes no input.${referenceField}; use gpt-image-2-image-to-image`;
    return { model, prompt, resolution, aspectRatio, references: [] };
  }
  if (!Array.isArray(rawReferences) || rawReferences.length === 0 || !rawReferences.every((u): u is string => typeof u === 'string')) {
    return `input.${referenceField} is required for ${model}: a list of 1 to ${MAX_REFERENCES} image URLs`;
  }
  if (rawReferences.length > MAX_REFERENCES) return `input.${referenceField} takes at most ${MAX_REFERENCES} URLs`;
  return { model, prompt, resolution, aspectRatio, references: rawReferences };
}
