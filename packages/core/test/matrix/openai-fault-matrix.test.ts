import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer, type Scenario } from '../../src/fake-server/index';
import { filesUnder, runInProcess, type InProcessRun } from './run-in-process';

const KEY = 'sk-matrix-OPENAI-5ecret-0123456789abcdef';
let server: FakeServer;
const everything: InProcessRun[] = [];

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

type Case = {
  readonly name: string;
  readonly scenario: Scenario;
  readonly exit: number;
  readonly kind?: string;
  readonly paid: number;
  readonly env?: Record<string, string>;
};

const onFirst = (fault: NonNullable<NonNullable<Scenario['openai']>['faults']>[number]['fault']): Scenario => ({
  openai: { faults: [{ route: 'openai.generate', on: [1], fault }] },
});

const CASES: readonly Case[] = [
  { name: 'no fault', scenario: {}, exit: 0, paid: 1 },
  { name: '429 without Retry-After, retried', scenario: onFirst({ kind: 'status', status: 429 }), exit: 0, paid: 1 },
  { name: '429 with Retry-After, retried', scenario: onFirst({ kind: 'status', status: 429, retryAfter: 0.2 }), exit: 0, paid: 1 },
  { name: '429 with retry-after-ms, retried', scenario: onFirst({ kind: 'status', status: 429, retryAfterMs: 150 }), exit: 0, paid: 1 },
  { name: '500, retried', scenario: onFirst({ kind: 'status', status: 500 }), exit: 0, paid: 1 },
  { name: '502, retried', scenario: onFirst({ kind: 'status', status: 502 }), exit: 0, paid: 1 },
  { name: '503, retried', scenario: onFirst({ kind: 'status', status: 503 }), exit: 0, paid: 1 },
  { name: '401, not retried', scenario: onFirst({ kind: 'status', status: 401 }), exit: 3, kind: 'auth', paid: 0 },
  { name: '402, not retried', scenario: onFirst({ kind: 'status', status: 402 }), exit: 4, kind: 'insufficient_credits', paid: 0 },
  { name: 'moderation, not retried', scenario: onFirst({ kind: 'failModeration', stage: 'input' }), exit: 6, kind: 'content_policy', paid: 0 },
  { name: 'connection reset mid-body, not repeated (it may be billed)', scenario: onFirst({ kind: 'resetMidBody' }), exit: 10, kind: 'network', paid: 1 },
  { name: 'malformed JSON, not repeated', scenario: onFirst({ kind: 'malformedJson' }), exit: 9, kind: 'provider_failure', paid: 1 },
  { name: 'a hang past the timeout, not repeated', scenario: onFirst({ kind: 'hang', ms: 5_000 }), exit: 8, kind: 'timeout', paid: 1, env: { GPT_IMAGE_TIMEOUT_MS: '400' } },
];

describe('fault matrix: openai through the CLI against the fake server', () => {
  it.each(CASES)('$name', async ({ scenario, exit, kind, paid, env }) => {
    server.setScenario(scenario);
    const run = await runInProcess(['generate', '--provider', 'openai', '--prompt', 'a fox', '--size', '1024x1024', '--json'], {
      OPENAI_API_KEY: KEY,
      OPENAI_BASE_URL: server.openaiBaseUrl,
      ...env,
    });
    everything.push(run);
    expect(run.status, run.stdout + run.stderr).toBe(exit);
    expect(server.paidSubmissions('openai')).toBe(paid);
    const written = Object.keys(await filesUnder(run.outDir));
    const records = Object.keys(await filesUnder(run.stateDir));
    // OpenAI answers in the same request: there is never a task to resume, so never a record.
    expect(records).toEqual([]);
    if (exit === 0) {
      const result = JSON.parse(run.stdout);
      expect(result).toMatchObject({ width: 1024, height: 1024, provider: 'openai', model: 'gpt-image-2', cost: { estimated: { unit: 'USD', estimate: true }, actual: { unit: 'USD', estimate: false } } });
      expect(written.sort()).toEqual([result.path.split('/').pop(), 'gpt-image-manifest.json'].sort());
    } else {
      expect(JSON.parse(run.stdout).error.kind).toBe(kind);
      expect(written).toEqual([]);
    }
  });

  it('no key appears in any output, record or file of those runs', async () => {
    expect(everything.length).toBe(CASES.length);
    for (const run of everything) {
      expect(run.stdout + run.stderr).not.toContain(KEY);
      for (const text of Object.values({ ...(await filesUnder(run.outDir)), ...(await filesUnder(run.stateDir)) })) expect(text).not.toContain(KEY);
    }
  });
});
