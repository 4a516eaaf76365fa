/**
 * kie's file upload service: local reference images must become URLs before a task can use them.
 * Paths and field names (`file`, `uploadPath`, `fileName`, `base64Data`; the reply's `downloadUrl`
 * and friends) follow the vendor's upload API docs as we understand them; no copy of those docs
 * was at hand to check against, so a client should keep them in one place too.
 */
import { sniffImage } from '../images/sniff-image';
import { parseMultipart } from './multipart';
import { asRecord, bearerToken, parseJson } from './read-body';
import { describeReceivedImage } from './received-image';
import { jsonReply, retryHeaders, type Reply } from './reply';
import { summarizeBody } from './request-log';
import type { RouteRequest, ServerContext } from './server-context';

/** `POST /api/file-stream-upload`: multipart with `file`, `uploadPath` and optional `fileName`. */
export async function uploadStream(request: RouteRequest, ctx: ServerContext): Promise<Reply> {
  const refused = refuse(request, ctx);
  if (refused) return refused;
  const contentType = request.req.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return uploadError(400, 'expected multipart/form-data');
  const form = await parseMultipart(request.body, contentType).catch(() => null);
  if (!form) return uploadError(400, 'the multipart body could not be parsed');
  request.record.body = Object.fromEntries(form.fields);
  const file = form.files.find((f) => f.field === 'file');
  if (!file) return uploadError(400, 'file is required');
  const uploadPath = form.fields.get('uploadPath');
  if (!uploadPath) return uploadError(400, 'uploadPath is required');
  const fileName = form.fields.get('fileName') || file.filename || 'upload.bin';
  return store(request, ctx, { bytes: file.bytes, declaredType: file.contentType, uploadPath, fileName, field: 'file' });
}

/** `POST /api/file-base64-upload`: JSON `{base64Data, uploadPath, fileName}`; data: URLs accepted. */
export async function uploadBase64(request: RouteRequest, ctx: ServerContext): Promise<Reply> {
  const refused = refuse(request, ctx);
  if (refused) return refused;
  const json = parseJson(request.body);
  if (!json.ok) return uploadError(400, json.reason);
  request.record.body = summarizeBody(json.value);
  const body = asRecord(json.value);
  const base64Data = body?.['base64Data'];
  const uploadPath = body?.['uploadPath'];
  const fileName = body?.['fileName'];
  if (typeof base64Data !== 'string' || base64Data === '') return uploadError(400, 'base64Data is required');
  if (typeof uploadPath !== 'string' || uploadPath === '') return uploadError(400, 'uploadPath is required');
  if (fileName !== undefined && typeof fileName !== 'string') return uploadError(400, 'fileName must be a string');
  const dataUrl = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(base64Data);
  const payload = dataUrl ? (dataUrl[3] ?? '') : base64Data;
  if (dataUrl && !dataUrl[2]) return uploadError(400, 'base64Data must be base64 (a data: URL needs ;base64)');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(payload.replace(/\s+/g, ''))) return uploadError(400, 'base64Data is not valid base64');
  const bytes = new Uint8Array(Buffer.from(payload, 'base64'));
  return store(request, ctx, {
    bytes,
    declaredType: dataUrl?.[1] ?? '',
    uploadPath,
    fileName: fileName || 'upload.bin',
    field: 'base64Data',
  });
}

/** Auth and injected faults, shared by both upload kinds; null when the upload may go ahead. */
function refuse({ req, fault }: RouteRequest, ctx: ServerContext): Reply | null {
  const key = bearerToken(req);
  if (key === null || !ctx.isAcceptedKey(key)) return uploadError(401, 'Unauthorized: the API key is missing or invalid');
  if (fault?.kind === 'status') return uploadError(fault.status, fault.message ?? `Upload failed (${fault.status})`, retryHeaders(fault));
  if (fault?.kind === 'uploadFailure') {
    const failure = { success: false, code: 500, msg: 'Upload failed: the storage service is unavailable', data: null };
    return jsonReply(fault.style === 'status' ? 500 : 200, failure);
  }
  return null;
}

async function store(
  { record }: RouteRequest,
  ctx: ServerContext,
  upload: { bytes: Uint8Array; declaredType: string; uploadPath: string; fileName: string; field: string },
): Promise<Reply> {
  const { bytes, uploadPath, fileName } = upload;
  if (bytes.length === 0) return uploadError(400, 'the file is empty');
  const now = ctx.clock.now();
  // What the bytes are beats what the client said; the service serves it back with that type.
  const mimeType = sniffImage(bytes)?.mediaType ?? (upload.declaredType || 'application/octet-stream');
  const id = ctx.nextId('upload');
  const path = `/uploads/${id}/${encodeURIComponent(fileName)}`;
  ctx.files.put({ path, mimeType, availableAt: now, expiresAt: null, expiredStatus: 404, load: async () => bytes });
  record.images = [await describeReceivedImage(bytes, { field: upload.field, filename: fileName, contentType: upload.declaredType })];
  return jsonReply(200, {
    success: true,
    code: 200,
    msg: 'File uploaded successfully',
    data: {
      fileName,
      filePath: `${uploadPath.replace(/\/+$/, '')}/${fileName}`,
      downloadUrl: `${ctx.origin}${path}`,
      fileSize: bytes.length,
      mimeType,
      uploadedAt: new Date(now).toISOString(),
    },
  });
}

function uploadError(status: number, msg: string, headers: Readonly<Record<string, string>> = {}): Reply {
  return jsonReply(status, { success: false, code: status, msg, data: null }, headers);
}
