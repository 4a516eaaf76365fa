import { describeReceivedImage } from './received-image';
import type { RecordedImage } from './request-log';
import type { ServerContext } from './server-context';

/** A reference URL of a kie task, fetched — or why it could not be. */
export type ResolvedReference =
  | { readonly ok: true; readonly url: string; readonly image: RecordedImage }
  | { readonly ok: false; readonly url: string };

/**
 * Looks a reference URL up among the files this server issued (uploads and earlier results). The
 * fake fetches nothing from elsewhere: any other URL, or an expired one, fails the task as a
 * download failure would.
 */
export async function resolveReference(url: string, ctx: ServerContext, now: number): Promise<ResolvedReference> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, url };
  }
  if (parsed.origin !== ctx.origin) return { ok: false, url };
  const found = ctx.files.lookup(parsed.pathname, now);
  if (found.kind !== 'ok') return { ok: false, url };
  const bytes = await found.file.load();
  const filename = decodeURIComponent(parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1));
  return { ok: true, url, image: await describeReceivedImage(bytes, { field: '', filename, contentType: found.file.mimeType }) };
}
