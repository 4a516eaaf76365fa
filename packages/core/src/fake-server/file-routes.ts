/** Downloads of the files the server issued: kie results (`/files/…`) and uploads (`/uploads/…`). */
import { bytesReply, type Reply } from './reply';
import type { RouteRequest, ServerContext } from './server-context';

/** `GET /files/<id>.png` and `GET /uploads/<id>/<name>`: public URLs, no key, as on a CDN. */
export async function downloadFile({ url, fault }: RouteRequest, ctx: ServerContext): Promise<Reply> {
  if (fault?.kind === 'status') return textReply(fault.status, `Error ${fault.status}`);
  if (fault?.kind === 'expiredResultUrl') return expiredReply(fault.status);
  const found = ctx.files.lookup(url.pathname, ctx.clock.now());
  switch (found.kind) {
    case 'missing':
      return textReply(404, 'Not Found');
    case 'expired':
      return expiredReply(found.file.expiredStatus);
    case 'ok':
      return bytesReply(200, await found.file.load(), found.file.mimeType);
  }
}

function expiredReply(status: 404 | 403): Reply {
  // Storage services answer an expired signed URL with 403 and a gone object with 404.
  return textReply(status, status === 403 ? 'Forbidden: the link has expired' : 'Not Found: the file has expired');
}

function textReply(status: number, text: string): Reply {
  return bytesReply(status, new TextEncoder().encode(text), 'text/plain; charset=utf-8');
}
