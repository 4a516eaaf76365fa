import { GptImageError } from '../../errors/gpt-image-error';
import type { ReferenceImage } from '../../images/reference-image';
import { withRetries } from '../../policies/with-retries';
import type { TaskContext } from '../../tasks/provider-runtime';
import { KIE_API, type ResolvedKieConfig } from './kie-config';
import { parseUploadReply } from './kie-envelope';
import { hostOf, kieError } from './kie-errors';
import { exchange, KieStatusError, readJson, type KieAnswer } from './kie-http';
import { kieRetryOptions } from './kie-retry-options';

/**
 * kie takes reference images as URLs only, so local bytes go to its upload service first and the
 * task gets the download URL it returns (valid for about a day). URL references pass through.
 * Uploads are free, so a failed one is retried like any free request; if one still fails, no
 * task is submitted and nothing is charged.
 */
export async function referenceUrls(images: readonly ReferenceImage[], config: ResolvedKieConfig, context: TaskContext): Promise<string[]> {
  const urls: string[] = [];
  // One at a time, in order: the first image is the one being edited.
  for (const [index, image] of images.entries()) {
    urls.push(image.source === 'url' ? image.url : await uploadImage(image, index, config, context));
  }
  return urls;
}

async function uploadImage(
  image: Extract<ReferenceImage, { source: 'bytes' }>,
  index: number,
  config: ResolvedKieConfig,
  context: TaskContext,
): Promise<string> {
  const fileName = uploadFileName(image, index);
  const what = `uploading reference image ${index + 1} (${fileName})`;
  try {
    return await withRetries(
      async () => {
        const answer = config.uploadMethod === 'base64' ? await sendBase64(image, fileName, config, context) : await sendStream(image, fileName, config, context);
        return downloadUrlOf(answer);
      },
      kieRetryOptions(context, config, what, false),
    );
  } catch (error) {
    const typed = kieError(error, { what, paid: false }, config.apiKey, hostOf(config.uploadBaseUrl));
    if (typed.kind === 'cancelled') throw typed;
    throw new GptImageError(typed.kind, `${typed.message} No task was submitted, so nothing was charged.`, { detail: typed.detail });
  }
}

/** The multipart upload: fields `file`, `uploadPath`, `fileName`. */
function sendStream(image: Extract<ReferenceImage, { source: 'bytes' }>, fileName: string, config: ResolvedKieConfig, context: TaskContext): Promise<KieAnswer> {
  const form = new FormData();
  // A copy backed by a plain ArrayBuffer, which is what Blob accepts in every realm.
  form.append('file', new Blob([new Uint8Array(image.bytes)], { type: image.mediaType }), fileName);
  form.append('uploadPath', config.uploadPath);
  form.append('fileName', fileName);
  return exchange(
    context,
    `${config.uploadBaseUrl}${KIE_API.paths.streamUpload}`,
    // No content-type here: fetch sets the multipart boundary itself.
    { method: 'POST', headers: { authorization: `Bearer ${config.apiKey}` }, body: form },
    config.requestTimeoutMs,
  );
}

/** The JSON upload: `{base64Data, uploadPath, fileName}`, the data as a `data:` URL. */
function sendBase64(image: Extract<ReferenceImage, { source: 'bytes' }>, fileName: string, config: ResolvedKieConfig, context: TaskContext): Promise<KieAnswer> {
  const body = JSON.stringify({ base64Data: `data:${image.mediaType};base64,${toBase64(image.bytes)}`, uploadPath: config.uploadPath, fileName });
  return exchange(
    context,
    `${config.uploadBaseUrl}${KIE_API.paths.base64Upload}`,
    { method: 'POST', headers: { authorization: `Bearer ${config.apiKey}`, 'content-type': 'application/json' }, body },
    config.requestTimeoutMs,
  );
}

/** The download URL of an upload answer; a refusal (status or `success: false`) throws a status error. */
function downloadUrlOf(answer: KieAnswer): string {
  const ok = answer.status >= 200 && answer.status < 300;
  let json: unknown = null;
  try {
    json = readJson(answer);
  } catch (error) {
    if (ok) throw error;
  }
  const reply = parseUploadReply(json);
  if (ok && reply?.ok) return reply.downloadUrl;
  const code = reply && !reply.ok && reply.code !== null && reply.code !== 200 ? reply.code : ok ? 500 : answer.status;
  throw new KieStatusError(code, reply && !reply.ok ? reply.msg : null, answer.headers);
}

const EXTENSIONS: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** The image's own name when it has one, else `reference-N.ext`; never a path. */
function uploadFileName(image: Extract<ReferenceImage, { source: 'bytes' }>, index: number): string {
  const base = image.name?.split(/[\\/]/).pop()?.trim();
  return base ? base : `reference-${index + 1}.${EXTENSIONS[image.mediaType] ?? 'bin'}`;
}

/** Base64 without Node's Buffer, in chunks so large images do not overflow the argument list. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
