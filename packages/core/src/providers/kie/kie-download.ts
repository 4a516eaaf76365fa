import { GptImageError } from '../../errors/gpt-image-error';
import { describeImageKind, sniffImage, type ImageInfo } from '../../images/sniff-image';
import { withRetries } from '../../policies/with-retries';
import type { TaskContext } from '../../tasks/provider-runtime';
import type { ResolvedKieConfig } from './kie-config';
import { hostOf, kieError } from './kie-errors';
import { exchange, KieStatusError } from './kie-http';
import { kieRetryOptions } from './kie-retry-options';

/** A result URL that answers 403 or 404: signed links expire (after about a day) and are not coming back. */
class ResultExpiredError extends Error {
  override readonly name = 'ResultExpiredError';
  constructor(readonly status: number) {
    super(`the result URL answered ${status}`);
  }
}

/**
 * Downloads a finished task's image at once (result links expire) and reads its real format and
 * size from the bytes. The download is free, so failures in transit and 429/5xx are retried. The
 * result URL is on a storage host, not kie's API: the key is never sent there.
 */
export async function downloadResult(url: string, taskId: string, config: ResolvedKieConfig, context: TaskContext): Promise<{ bytes: Uint8Array; info: ImageInfo }> {
  const what = 'downloading the result';
  let bytes: Uint8Array;
  try {
    bytes = await withRetries(
      async () => {
        const answer = await exchange(context, url, { method: 'GET' }, config.requestTimeoutMs);
        if (answer.status === 403 || answer.status === 404) throw new ResultExpiredError(answer.status);
        if (answer.status < 200 || answer.status >= 300) throw new KieStatusError(answer.status, null, answer.headers);
        return answer.bytes;
      },
      kieRetryOptions(context, config, what, false),
    );
  } catch (error) {
    if (error instanceof ResultExpiredError) {
      throw new GptImageError(
        'provider_failure',
        `The result link of kie task ${taskId} has expired (the storage host answered ${error.status}), so the image could not be downloaded. ` +
          'The task did finish and was charged; look it up by its id in your kie account, where results are kept for some days.',
        { detail: { status: error.status, requestId: taskId } },
      );
    }
    throw kieError(error, { what, paid: false, taskId }, config.apiKey, hostOf(url));
  }
  const info = sniffImage(bytes);
  if (!info) {
    throw new GptImageError(
      'provider_failure',
      `The result of kie task ${taskId} is not a PNG, JPEG or WebP image (the bytes look like ${describeImageKind(bytes)}).`,
      { detail: { requestId: taskId } },
    );
  }
  return { bytes, info };
}
