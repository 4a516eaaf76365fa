/** Small builders shared by the fake-server tests. */
import type { FakeServer } from '../../src/fake-server/index';

/** A key long enough that the log may show its last four characters. */
export const KEY = 'sk-test-0123456789abcdef-WXYZ';

/** A clock the test moves by hand: kie task states follow it with no real waiting. */
export class VirtualClock {
  #now = 1_800_000_000_000;
  now(): number {
    return this.#now;
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

/** The JSON answer of a request, with its HTTP status and headers. */
export interface JsonAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
}

/** POSTs JSON with a Bearer key (or none) and reads the JSON answer. */
export async function postJson(url: string, body: unknown, key: string | null = KEY): Promise<JsonAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers['authorization'] = `Bearer ${key}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

/** GETs with a Bearer key and reads the JSON answer. */
export async function getJson(url: string, key: string | null = KEY): Promise<JsonAnswer> {
  const res = await fetch(url, key === null ? {} : { headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

/** A field of a JSON object, as an object (fails the test's later expectations when absent). */
export function obj(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : {};
}

/** Creates a kie text-to-image task and returns its id. */
export async function createKieTask(server: FakeServer, input: Record<string, unknown> = {}, model = 'gpt-image-2-text-to-image'): Promise<JsonAnswer> {
  return postJson(`${server.kieBaseUrl}/api/v1/jobs/createTask`, { model, input: { prompt: 'a lighthouse at dusk', ...input } });
}

/** The `data` of a recordInfo answer. */
export async function recordInfo(server: FakeServer, taskId: string): Promise<Record<string, unknown>> {
  const answer = await getJson(`${server.kieBaseUrl}/api/v1/jobs/recordInfo?taskId=${encodeURIComponent(taskId)}`);
  return obj(answer.json['data']);
}

/** The task id of a createTask answer. */
export function taskIdOf(answer: JsonAnswer): string {
  const id = obj(answer.json['data'])['taskId'];
  if (typeof id !== 'string') throw new Error(`no taskId in ${JSON.stringify(answer.json)}`);
  return id;
}

/** The first result URL of a successful recordInfo `data`. */
export function resultUrlOf(data: Record<string, unknown>): string {
  const resultJson = data['resultJson'];
  if (typeof resultJson !== 'string') throw new Error('resultJson is not a string');
  const url = obj(JSON.parse(resultJson))['resultUrls'];
  if (!Array.isArray(url) || typeof url[0] !== 'string') throw new Error(`no resultUrls in ${resultJson}`);
  return url[0];
}

/** Bytes of a URL. */
export async function download(url: string): Promise<{ status: number; bytes: Uint8Array; contentType: string | null }> {
  const res = await fetch(url);
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') };
}

/** Decodes a base64 image from a response. */
export function fromBase64(b64: unknown): Uint8Array {
  if (typeof b64 !== 'string') throw new Error('expected base64 text');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}
