/**
 * What the core adds on top of the bare SDK for one OpenAI generation, saved to a file.
 *
 * A: the core — `createOpenAiProvider(...).run(...)` on a prepared request (params, retry wrapper,
 *    deadline, streaming base64 decode, header sniff, cost from usage), then the bytes written
 *    with `node:fs`.
 * B: the raw SDK — `client.images.generate(...)` with the same parameters (the SDK parses the
 *    JSON), `Buffer.from(b64, 'base64')`, then the same file write.
 * B′: B again, as a control: B′ against B shows how far two identical arms drift apart on this
 *    machine, i.e. how much of A against B is noise.
 *
 * All talk to one fake server with zero response delay, run in a child process: it still renders
 * each image (the same work for every arm), but its CPU time and garbage stay out of this process,
 * where a 4K render's tens of megabytes would otherwise be collected during random timed runs.
 * After WARM_UP_RUNS of each arm, RUNS rounds run interleaved, each round in another of the six
 * orders of the three arms (A B B′, A B′ B, B A B′, …), so drift in machine load hits every arm
 * alike and every arm follows every other equally often: the later of two tends to pay for
 * collecting the earlier one's garbage, and a plain rotation (A B B′, B B′ A, …) would give each
 * arm the same predecessor every time — it had the control ~4% faster than the SDK it copies.
 * The figure is the ratio of the medians, with the median of the per-round differences beside it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAI } from 'openai';
import { systemClock } from '../src/internal/clock';
import { createOpenAiProvider, openAiParams } from '../src/providers/openai/index';
import { prepareRequestOrThrow } from '../src/request/prepare-request';
import type { TaskContext } from '../src/tasks/provider-runtime';
import { startFakeServerProcess } from './fake-server-process';

const RUNS = 30;
const WARM_UP_RUNS = 5;
const GOAL_RATIO = 1.02;
const API_KEY = 'sk-bench-0123456789abcdef';
const SIZES = ['1024x1024', '3840x2160'] as const;

/**
 * Runs the comparison and returns one printable line per size, e.g.
 * `openai overhead 1024x1024: core 12.3 ms vs raw SDK 12.1 ms median → ×1.016 (goal ≤ 1.02); …`.
 */
export async function benchOpenAiOverhead(): Promise<string[]> {
  const server = await startFakeServerProcess({ apiKeys: [API_KEY], scenario: { openai: { responseDelayMs: 0 } } });
  const dir = await mkdtemp(join(tmpdir(), 'openai-overhead-'));
  const lines: string[] = [];
  try {
    const provider = createOpenAiProvider({ apiKey: API_KEY, baseUrl: server.openaiBaseUrl });
    const raw = new OpenAI({ apiKey: API_KEY, baseURL: server.openaiBaseUrl, maxRetries: 0 });
    const context = benchContext();
    for (const size of SIZES) {
      const request = prepareRequestOrThrow({ prompt: 'A lighthouse on a cliff at dusk, oil painting', size }, 'openai');
      const { body } = openAiParams(request);
      const core = async (path: string) => {
        const result = await provider.run(request, context);
        await writeFile(path, result.bytes);
      };
      const sdk = async (path: string) => {
        const response = await raw.images.generate({ ...body, stream: false });
        const b64 = response.data?.[0]?.b64_json;
        if (!b64) throw new Error('no image in the answer');
        await writeFile(path, Buffer.from(b64, 'base64'));
      };
      const coreArm: Arm = { name: 'core', run: core, ms: [] };
      const sdkArm: Arm = { name: 'sdk', run: sdk, ms: [] };
      const controlArm: Arm = { name: 'control', run: sdk, ms: [] };
      const arms = [coreArm, sdkArm, controlArm];
      for (let i = 0; i < WARM_UP_RUNS; i++) {
        for (const arm of arms) await arm.run(join(dir, `warm-${arm.name}`));
      }
      const orders = permutations(arms);
      for (let i = 0; i < RUNS; i++) {
        for (const arm of orders[i % orders.length] ?? arms) {
          const start = performance.now();
          await arm.run(join(dir, `${arm.name}-${i}`));
          arm.ms.push(performance.now() - start);
        }
      }
      const { ms: coreMs } = coreArm;
      const { ms: sdkMs } = sdkArm;
      const { ms: controlMs } = controlArm;
      const ratio = median(coreMs) / median(sdkMs);
      const difference = median(coreMs.map((ms, i) => ms - (sdkMs[i] ?? ms)));
      const noise = median(controlMs) / median(sdkMs);
      lines.push(
        `openai overhead ${size}: core ${median(coreMs).toFixed(1)} ms vs raw SDK ${median(sdkMs).toFixed(1)} ms median → ×${ratio.toFixed(3)} ` +
          `(goal ≤ ${GOAL_RATIO})${ratio <= GOAL_RATIO ? '' : ' MISSED'}; median round difference ${signed(difference)} ms; ` +
          `control (raw SDK vs itself) ×${noise.toFixed(3)}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await server.close();
  }
  return lines;
}

interface Arm {
  readonly name: string;
  readonly run: (path: string) => Promise<void>;
  readonly ms: number[];
}

function benchContext(): TaskContext {
  const fetch = globalThis.fetch.bind(globalThis);
  return {
    signal: new AbortController().signal,
    fetch,
    clock: systemClock,
    random: Math.random,
    accepted: async () => undefined,
    progress: () => undefined,
  };
}

/** Every order of `items` (six for three arms). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
}
