import type { IncomingMessage } from 'node:http';

/** Reads a whole request body. Bodies here are at most a few reference images, so memory is fine. */
export async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of req) {
    const bytes = chunk instanceof Uint8Array ? chunk : new TextEncoder().encode(String(chunk));
    chunks.push(bytes);
    length += bytes.length;
  }
  // One plain ArrayBuffer-backed copy: what `Request` and Web Crypto take as a body.
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/** A JSON body: its value, or why there is none. */
export type JsonBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** Parses a JSON body. */
export function parseJson(body: Uint8Array): JsonBody {
  if (body.length === 0) return { ok: false, reason: 'the request body is empty' };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(body)) };
  } catch (error) {
    return { ok: false, reason: `the request body is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** A JSON object's own fields, or null for anything that is not a plain object. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : null;
}

/** The Bearer token of a request, or null when there is none. */
export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}
