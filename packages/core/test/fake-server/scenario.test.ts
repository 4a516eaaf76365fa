import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFile, parseScenario, startFakeServer, type FakeServer } from '../../src/fake-server/index';
import { createKieTask, recordInfo, taskIdOf, VirtualClock } from './helpers';

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('scenario schema', () => {
  it('fills in a quick, well-behaved default', () => {
    expect(parseScenario({})).toMatchObject({
      seed: 1,
      openai: { responseDelayMs: 0, partialIntervalMs: 0, faults: [] },
      kie: { waitingMs: 0, queuingMs: 50, generatingMs: 150, referenceField: 'image_urls', errorsInStatusLine: false, resultUrlTtlMs: null, rateLimit: { maxTasks: 20, windowMs: 10_000 }, faults: [] },
    });
  });

  it('refuses unknown fields, bad routes and bad faults, naming the path', () => {
    expect(() => parseScenario({ kie: { generatingMS: 5 } })).toThrow(/generatingMS/);
    expect(() => parseScenario({ openai: { faults: [{ route: 'kie.createTask', fault: { kind: 'resetMidBody' } }] } })).toThrow(/route/);
    expect(() => parseScenario({ kie: { faults: [{ route: 'kie.createTask', fault: { kind: 'explode' } }] } })).toThrow(/kind/);
    expect(() => parseScenario({ kie: { waitingMs: { logNormal: { medianMs: -1, sigma: 1 } } } })).toThrow(/medianMs/);
  });

  it('loads a JSON file, and says which file is wrong', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-scenario-'));
    try {
      const good = join(dir, 'good.json');
      await writeFile(good, JSON.stringify({ seed: 7, kie: { generatingMs: { logNormal: { medianMs: 20_000, sigma: 0.4 } } } }));
      expect((await loadScenarioFile(good)).seed).toBe(7);
      const bad = join(dir, 'bad.json');
      await writeFile(bad, '{ "seed": ');
      await expect(loadScenarioFile(bad)).rejects.toThrow(/bad\.json is not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('latency on the server clock', () => {
  /** The generating time of `count` tasks under a scenario, read back from recordInfo. */
  async function generatingTimes(scenario: Parameters<FakeServer['setScenario']>[0], count: number): Promise<number[]> {
    const clock = new VirtualClock();
    const s = await startFakeServer({ clock, scenario });
    server = s;
    const ids = [];
    for (let i = 0; i < count; i++) ids.push(taskIdOf(await createKieTask(s)));
    clock.advance(10 * 60 * 1000);
    const times = [];
    for (const id of ids) times.push(Number((await recordInfo(s, id))['costTime']));
    await s.close();
    return times;
  }

  it('draws log-normal durations that repeat for a seed and spread around the median', async () => {
    const scenario = { seed: 3, kie: { waitingMs: 0, queuingMs: 0, generatingMs: { logNormal: { medianMs: 20_000, sigma: 0.5 } } } };
    const times = await generatingTimes(scenario, 15);
    expect(await generatingTimes(scenario, 15)).toEqual(times);
    expect(new Set(times).size).toBeGreaterThan(10);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[7] ?? 0;
    expect(median).toBeGreaterThan(10_000);
    expect(median).toBeLessThan(40_000);
    expect(await generatingTimes({ ...scenario, seed: 4 }, 15)).not.toEqual(times);
  });

  it('takes a sampler function from code', async () => {
    let calls = 0;
    const times = await generatingTimes({ kie: { waitingMs: 0, queuingMs: 0, generatingMs: () => 1_000 * ++calls } }, 3);
    expect(times).toEqual([1_000, 2_000, 3_000]);
  });

  it('delays an OpenAI answer by responseDelayMs on the real clock', async () => {
    const s = await startFakeServer({ scenario: { openai: { responseDelayMs: 250 } } });
    server = s;
    const started = Date.now();
    const res = await fetch(`${s.openaiBaseUrl}/images/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test-abcdefghijkl' },
      body: JSON.stringify({ model: 'gpt-image-2', prompt: 'x', size: '1024x1024' }),
    });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });
});
