/**
 * The OpenAI Images endpoints for gpt-image-2 (SPEC 3.2): `POST /v1/images/generations` (JSON)
 * and `POST /v1/images/edits` (multipart), each as one JSON answer or as server-sent events.
 */
import { tierPixelBudget } from '../sizes/preset-sizes';
import { sizeForShape } from '../sizes/nearest-size';
import { formatSize, type PixelSize } from '../sizes/size-rule';
import { parseMultipart, type FormFile } from './multipart';
import { errorForStatus, invalidParam, moderationBlocked, openAiError, type OpenAiErrorBody } from './openai-errors';
import { checkImageParams, type ImageParams } from './openai-params';
import { imageUsage } from './openai-usage';
import { asRecord, bearerToken, parseJson } from './read-body';
import { describeReceivedImage, editCaption } from './received-image';
import { renderImage } from './render-image';
import { jsonReply, retryHeaders, sseEvent, type Reply, type StreamEvent } from './reply';
import { maskKey, summarizeBody, type RecordedImage } from './request-log';
import { sampleDuration } from './sample-duration';
import type { RouteRequest, ServerContext } from './server-context';
import { sleep } from './sleep';

/** Image media types the vendor accepts, by the part's declared Content-Type. */
const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const MAX_IMAGES = 16;
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** Partial previews are this share of the final size (any size will do; SPEC says they can be odd). */
const PARTIAL_SCALE = 0.3;

/** `POST /v1/images/generations`. */
export function generateImage(request: RouteRequest, ctx: ServerContext): Promise<Reply> {
  return handleImages('generate', request, ctx);
}

/** `POST /v1/images/edits`. */
export function editImage(request: RouteRequest, ctx: ServerContext): Promise<Reply> {
  return handleImages('edit', request, ctx);
}

/** What a request carried, once read. */
interface ReadParams {
  readonly params: Readonly<Record<string, unknown>>;
  readonly names: readonly string[];
  readonly files: readonly FormFile[];
}

async function handleImages(endpoint: 'generate' | 'edit', request: RouteRequest, ctx: ServerContext): Promise<Reply> {
  const { req, record, fault, signal } = request;
  const requestId = ctx.nextId('req');
  const fail = (status: number, error: OpenAiErrorBody, headers: Readonly<Record<string, string>> = {}): Reply =>
    openAiError(status, error, requestId, headers);

  const key = bearerToken(req);
  if (key === null) {
    return fail(401, {
      message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    });
  }
  if (!ctx.isAcceptedKey(key)) return fail(401, errorForStatus(401, `Incorrect API key provided: ${maskKey(key)}.`));
  if (fault?.kind === 'status') return fail(fault.status, errorForStatus(fault.status, fault.message), retryHeaders(fault));

  const read = endpoint === 'generate' ? readJson(request) : await readForm(request);
  if ('message' in read) return fail(400, read);
  record.body = summarizeBody(read.params);
  const images = await describeImages(read.files);
  if (images.length > 0) record.images = images;
  const inputs = images.filter((image) => image.field === 'image' || image.field === 'image[]');
  if (endpoint === 'edit') {
    const problem = imageProblem(inputs);
    if (problem) return fail(400, problem);
  }
  const params = checkImageParams(endpoint, read.params, read.names, endpoint === 'edit');
  if ('message' in params) return fail(400, params);
  if (fault?.kind === 'failModeration' && fault.stage === 'input') return fail(400, moderationBlocked('input', requestId));

  // Past validation and input moderation: the vendor bills this one from here on.
  record.paid = true;
  const size = params.size === 'auto' ? autoSize(inputs) : params.size;
  const quality = params.quality === 'auto' ? 'medium' : params.quality;
  const caption = endpoint === 'edit' ? editCaption(inputs) : undefined;
  const image = await renderImage({ prompt: params.prompt, ...size, format: params.outputFormat, background: params.background, caption });
  if (fault?.kind === 'failModeration') return fail(400, moderationBlocked('output', requestId));

  const b64 = Buffer.from(image.bytes).toString('base64');
  const usage = imageUsage({
    prompt: params.prompt,
    quality,
    size,
    inputImages: inputs.map((i) => ({ width: i.width ?? 1024, height: i.height ?? 1024 })),
    partialImages: params.stream ? params.partialImages : 0,
  });
  // The settings as applied: `auto` resolved, and the format the bytes really have.
  const applied = { size: formatSize(size), quality, background: params.background === 'auto' ? 'opaque' : params.background, output_format: image.format };
  const delayMs = sampleDuration(ctx.scenario.openai.responseDelayMs, ctx.random);
  const created = Math.floor(ctx.clock.now() / 1000);
  const headers = { 'x-request-id': requestId };

  if (!params.stream) {
    await sleep(delayMs, signal);
    return jsonReply(200, { created, data: Array.from({ length: params.n }, () => ({ b64_json: b64 })), ...applied, usage }, headers);
  }
  const prefix = endpoint === 'generate' ? 'image_generation' : 'image_edit';
  const events = await partialEvents(prefix, params, size, caption, applied, created, ctx.scenario.openai.partialIntervalMs);
  const spent = params.partialImages * ctx.scenario.openai.partialIntervalMs;
  events.push(sseEvent(Math.max(0, delayMs - spent), `${prefix}.completed`, {
    type: `${prefix}.completed`,
    b64_json: b64,
    created_at: created,
    ...applied,
    usage,
  }));
  return { kind: 'stream', status: 200, headers, events };
}

/** The partial-image events of a stream: smaller renders of the same picture. */
async function partialEvents(
  prefix: string,
  params: ImageParams,
  size: PixelSize,
  caption: string | undefined,
  applied: Readonly<Record<string, string>>,
  created: number,
  intervalMs: number,
): Promise<StreamEvent[]> {
  const width = Math.max(16, Math.round(size.width * PARTIAL_SCALE));
  const height = Math.max(16, Math.round(size.height * PARTIAL_SCALE));
  const events: StreamEvent[] = [];
  for (let index = 0; index < params.partialImages; index++) {
    const preview = await renderImage({
      prompt: params.prompt,
      width,
      height,
      format: params.outputFormat,
      background: params.background,
      caption: `partial ${index + 1} of ${params.partialImages}${caption ? ` · ${caption}` : ''}`,
    });
    events.push(sseEvent(intervalMs, `${prefix}.partial_image`, {
      type: `${prefix}.partial_image`,
      b64_json: Buffer.from(preview.bytes).toString('base64'),
      partial_image_index: index,
      created_at: created,
      ...applied,
    }));
  }
  return events;
}

/**
 * `size: auto`: a generate gets the 1K square (1280x1280); an edit keeps the first image's shape
 * at the 1K budget, as the vendor's auto does for edits.
 */
function autoSize(inputs: readonly RecordedImage[]): PixelSize {
  const first = inputs[0];
  const shape = first?.width && first.height ? { width: first.width, height: first.height } : { width: 1, height: 1 };
  return sizeForShape(shape, tierPixelBudget('1K'));
}

function readJson({ req, body }: RouteRequest): ReadParams | OpenAiErrorBody {
  if (!(req.headers['content-type'] ?? '').includes('application/json')) {
    return invalidParam(null, 'Invalid Content-Type header; expected application/json.');
  }
  const json = parseJson(body);
  if (!json.ok) return invalidParam(null, `We could not parse the JSON body of your request: ${json.reason}.`);
  const params = asRecord(json.value);
  if (!params) return invalidParam(null, 'The request body must be a JSON object.');
  return { params, names: Object.keys(params), files: [] };
}

async function readForm({ req, body }: RouteRequest): Promise<ReadParams | OpenAiErrorBody> {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) {
    return invalidParam(null, 'Invalid Content-Type header; image edits must be sent as multipart/form-data.');
  }
  const form = await parseMultipart(body, contentType).catch(() => null);
  if (!form) return invalidParam(null, 'The multipart/form-data body could not be parsed.');
  const names = [...new Set([...form.fields.keys(), ...form.files.map((f) => f.field)])];
  return { params: Object.fromEntries(form.fields), names, files: form.files };
}

async function describeImages(files: readonly FormFile[]): Promise<RecordedImage[]> {
  return Promise.all(files.map((f) => describeReceivedImage(f.bytes, { field: f.field, filename: f.filename, contentType: f.contentType })));
}

function imageProblem(inputs: readonly RecordedImage[]): OpenAiErrorBody | null {
  if (inputs.length === 0) return invalidParam('image', "Missing required parameter: 'image'.", 'missing_required_parameter');
  if (inputs.length > MAX_IMAGES) return invalidParam('image', `Too many images: at most ${MAX_IMAGES} are allowed.`, 'invalid_value');
  for (const image of inputs) {
    if (!ACCEPTED_IMAGE_TYPES.includes(image.contentType)) {
      return invalidParam(
        'image',
        `Invalid file 'image': unsupported mimetype ('${image.contentType || 'application/octet-stream'}'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.`,
        'unsupported_file_mimetype',
      );
    }
    if (image.byteLength > MAX_IMAGE_BYTES) return invalidParam('image', `Invalid file 'image': larger than ${MAX_IMAGE_BYTES} bytes.`, 'invalid_value');
  }
  return null;
}
