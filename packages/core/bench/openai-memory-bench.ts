/**
 * Peak memory while the OpenAI provider receives a 4K (3840x2160) result as base64 and saves it.
 *
 * Measured in fresh child processes (`node --expose-gc --import tsx`), one per run, with the
 * servers in this process, so the baseline is clean and no server buffer counts. The child warms
 * up with a small (1K) generation and two full collections, twice (loading the SDK, compiling the
 * decoder, and paying a one-time 10-15 MB growth that follows the first full collection), then
 * one more small generation without collecting (a full collection shrinks V8's young generation,
 * which any request then regrows by about 1 MB), and takes its RSS and `arrayBuffers` as the
 * baseline. It runs the measured generation and writes the bytes to a file while sampling
 * `process.memoryUsage()` every millisecond; it also reads the kernel's RSS high-water mark
 * (`resourceUsage().maxRSS`), which catches peaks between samples, and reports the larger of the
 * two — the high-water mark only when the measured run raised it, else the line says
 * "[sampled only]". Each case runs REPEATS times and the median run is shown, then every run's
 * multiple (RSS moves by a few MB run to run: the garbage `fetch` leaves per network chunk, about
 * twice the body in all, is freed whenever V8 next collects).
 *
 * "typed arrays" is Node's `arrayBuffers` figure, which leaves out resizable `ArrayBuffer`s: a
 * streamed image decoded into the growable buffer of `ByteSink` is in the RSS figure but not in
 * that one until its final copy.
 *
 * Cases:
 * - the fake server's 4K placeholder, as JSON and as a stream with two partial images. It
 *   compresses to a few hundred KB, where fixed costs (socket buffers, heap growth: a few
 *   hundred KB that vary run to run) weigh as much as the image;
 * - a photo-sized 4K PNG (incompressible pixels, about 24 MB, as a detailed 4K photo can be),
 *   served by a stub in this process as the same JSON, or streamed as one completed event,
 *   through the provider and, for comparison, through the raw SDK (`images.generate` +
 *   `Buffer.from(b64, 'base64')`).
 * Goal: the peak above the baseline is under 3× the file size.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { startFakeServer } from '../src/fake-server/index';
import { runChildScript } from './run-child-script';

const MB = 1024 * 1024;
const GOAL_MULTIPLE = 3;
const API_KEY = 'sk-bench-0123456789abcdef';
/** Fresh processes per case; the median is reported (RSS moves by a few hundred KB run to run). */
const REPEATS = 3;

interface MemoryCase {
  readonly label: string;
  readonly baseUrl: string;
  readonly via: 'core' | 'sdk';
  readonly partialImages: number;
}

interface MemoryResult {
  readonly peakRssBytes: number;
  readonly highWaterUsed: boolean;
  readonly peakArrayBufferBytes: number;
  readonly fileBytes: number;
}

/**
 * Runs every case and returns one printable line each, e.g.
 * `openai memory 4K JSON (fake server): peak RSS +1.2 MB = 2.10× the 0.6 MB file (goal < 3×); …; runs 2.08× 2.10× 2.31×`.
 */
export async function benchOpenAiMemory(): Promise<string[]> {
  const fake = await startFakeServer({ apiKeys: [API_KEY] });
  const photo = await startPhotoStub(photoLikePng(3840, 2160));
  const dir = await mkdtemp(join(tmpdir(), 'openai-memory-'));
  try {
    const cases: MemoryCase[] = [
      { label: '4K placeholder, JSON (fake server)', baseUrl: fake.openaiBaseUrl, via: 'core', partialImages: 0 },
      { label: '4K placeholder, stream + 2 partials (fake server)', baseUrl: fake.openaiBaseUrl, via: 'core', partialImages: 2 },
      { label: '4K photo-sized PNG, JSON (stub)', baseUrl: photo.baseUrl, via: 'core', partialImages: 0 },
      { label: '4K photo-sized PNG, stream (stub)', baseUrl: photo.baseUrl, via: 'core', partialImages: 1 },
      { label: '4K photo-sized PNG, JSON (stub) via the raw SDK, for comparison', baseUrl: photo.baseUrl, via: 'sdk', partialImages: 0 },
    ];
    const lines: string[] = [];
    for (const [index, memoryCase] of cases.entries()) {
      const runs: MemoryResult[] = [];
      for (let run = 0; run < REPEATS; run++) runs.push(await measureInChild(memoryCase, join(dir, `result-${index}.png`)));
      const result = medianResult(runs);
      const multiple = result.peakRssBytes / result.fileBytes;
      const mark = memoryCase.via === 'sdk' ? '' : multiple < GOAL_MULTIPLE ? '' : ' MISSED';
      lines.push(
        `openai memory ${memoryCase.label}: peak RSS +${mb(result.peakRssBytes)} MB = ${multiple.toFixed(2)}× the ${mb(result.fileBytes)} MB file` +
          `${memoryCase.via === 'sdk' ? '' : ` (goal < ${GOAL_MULTIPLE}×)`}${mark}${result.highWaterUsed ? '' : ' [sampled only]'}; ` +
          `typed arrays peak +${mb(result.peakArrayBufferBytes)} MB; runs ${runs.map((r) => `${(r.peakRssBytes / r.fileBytes).toFixed(2)}×`).join(' ')}`,
      );
    }
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
    await closeServer(photo.server);
    await fake.close();
  }
}

/** The run with the median RSS peak. */
function medianResult(runs: readonly MemoryResult[]): MemoryResult {
  const sorted = [...runs].sort((a, b) => a.peakRssBytes - b.peakRssBytes);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no memory measurement');
  return middle;
}

function mb(bytes: number): string {
  return (bytes / MB).toFixed(bytes < 10 * MB ? 2 : 1);
}

/** The child's program: arguments in argv, one JSON line out. See the file comment. */
const CHILD_SCRIPT = `
const [providerUrl, prepareUrl, caseJson, outPath] = process.argv.slice(-4);
const { createOpenAiProvider, openAiParams } = await import(providerUrl);
const { prepareRequestOrThrow } = await import(prepareUrl);
const { writeFile } = await import('node:fs/promises');
const { OpenAI } = await import('openai');
const c = JSON.parse(caseJson);
const apiKey = '${API_KEY}';
const provider = createOpenAiProvider({ apiKey, baseUrl: c.baseUrl, partialImages: c.partialImages });
const raw = new OpenAI({ apiKey, baseURL: c.baseUrl, maxRetries: 0 });
const context = {
  signal: new AbortController().signal,
  fetch: globalThis.fetch.bind(globalThis),
  clock: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
  random: Math.random,
  accepted: async () => {},
  progress: () => {},
};
const generate = async (size) => {
  const request = prepareRequestOrThrow({ prompt: 'A harbour at dawn, photograph', size }, 'openai');
  if (c.via === 'core') return (await provider.run(request, context)).bytes;
  const response = await raw.images.generate({ ...openAiParams(request).body, stream: false });
  return Buffer.from(response.data[0].b64_json, 'base64');
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
// Twice: the first request after the first full collection still grows RSS by 10-15 MB of
// one-time process state (seen with a 1K image as much as with a 4K one).
for (let round = 0; round < 2; round++) {
  await writeFile(outPath, await generate('1024x1024'));
  globalThis.gc(); await settle(); globalThis.gc(); await settle();
}
// A full collection also shrinks V8's young generation, which any later request regrows by about
// 1 MB whatever it does; one more small request after it makes the baseline the steady state.
await writeFile(outPath, await generate('1024x1024'));
await settle();
const base = process.memoryUsage();
const maxRssBefore = process.resourceUsage().maxRSS * 1024;
let peakRss = base.rss;
let peakArrayBuffers = base.arrayBuffers;
const sample = () => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakArrayBuffers = Math.max(peakArrayBuffers, now.arrayBuffers);
};
const sampler = setInterval(sample, 1);
const bytes = await generate('3840x2160');
await writeFile(outPath, bytes);
clearInterval(sampler);
sample();
const maxRssAfter = process.resourceUsage().maxRSS * 1024;
const highWaterUsed = maxRssAfter > maxRssBefore;
console.log(JSON.stringify({
  peakRssBytes: Math.max(peakRss, highWaterUsed ? maxRssAfter : 0) - base.rss,
  highWaterUsed,
  peakArrayBufferBytes: peakArrayBuffers - base.arrayBuffers,
  fileBytes: bytes.length,
}));
`;

async function measureInChild(memoryCase: MemoryCase, outPath: string): Promise<MemoryResult> {
  const providerUrl = pathToFileURL(fileURLToPath(new URL('../src/providers/openai/index.ts', import.meta.url))).href;
  const prepareUrl = pathToFileURL(fileURLToPath(new URL('../src/request/prepare-request.ts', import.meta.url))).href;
  return runChildScript(CHILD_SCRIPT, [providerUrl, prepareUrl, JSON.stringify(memoryCase), outPath], isMemoryResult);
}

function isMemoryResult(value: unknown): value is MemoryResult {
  if (typeof value !== 'object' || value === null) return false;
  return (
    'peakRssBytes' in value && typeof value.peakRssBytes === 'number' &&
    'highWaterUsed' in value && typeof value.highWaterUsed === 'boolean' &&
    'peakArrayBufferBytes' in value && typeof value.peakArrayBufferBytes === 'number' &&
    'fileBytes' in value && typeof value.fileBytes === 'number'
  );
}

/** A valid PNG of random pixels: deflate cannot shrink it, like a detailed photo. */
function photoLikePng(width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  let seed = 0x2545f491;
  for (let i = 0; i < raw.length; i++) {
    // xorshift32: fast, repeatable noise.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    raw[i] = seed & 0xff;
  }
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 1 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Answers an images request for 3840x2160 with JSON holding `png`, as OpenAI would, and any other
 * size with a small image (so the child's warm-up requests stay small).
 */
async function startPhotoStub(png: Uint8Array): Promise<{ server: Server; baseUrl: string }> {
  const answer = (image: Uint8Array) =>
    Buffer.from(
      JSON.stringify({
        created: 1,
        data: [{ b64_json: Buffer.from(image).toString('base64') }],
        usage: { input_tokens: 12, input_tokens_details: { text_tokens: 12, image_tokens: 0 }, output_tokens: 6000, total_tokens: 6012 },
      }),
    );
  const large = answer(png);
  const small = answer(photoLikePng(64, 64));
  const event = (image: Uint8Array) =>
    Buffer.from(
      `event: image_generation.completed\ndata: ${JSON.stringify({
        type: 'image_generation.completed',
        b64_json: Buffer.from(image).toString('base64'),
        usage: { input_tokens: 12, input_tokens_details: { text_tokens: 12, image_tokens: 0 }, output_tokens: 6000, total_tokens: 6012 },
      })}\n\n`,
    );
  const largeEvent = event(png);
  const smallEvent = event(photoLikePng(64, 64));
  const server = createServer((req, res) => {
    const pieces: Buffer[] = [];
    req.on('data', (piece: Buffer) => pieces.push(piece));
    req.on('end', () => {
      const text = Buffer.concat(pieces).toString('utf8');
      const big = text.includes('"3840x2160"');
      if (text.includes('"stream":true')) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_stub' });
        res.end(big ? largeEvent : smallEvent);
        return;
      }
      const body = big ? large : small;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length), 'x-request-id': 'req_stub' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the stub is not listening on a TCP port');
  return { server, baseUrl: `http://127.0.0.1:${address.port}/v1` };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
