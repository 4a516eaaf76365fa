import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer, type Scenario } from '../../src/fake-server/index';
import { makePng } from '../support/build-images';
import { filesUnder, runInProcess, tempFolder, type InProcessRun } from './run-in-process';

const KEY = 'kie-matrix-5ecret-key-0123456789abcdef';
let server: FakeServer;
const everything: InProcessRun[] = [];

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

type KieRule = NonNullable<NonNullable<Scenario['kie']>['faults']>[number];
type Case = {
  readonly name: string;
  readonly scenario: Scenario;
  readonly exit: number;
  readonly kind?: string;
  readonly paid: number;
  /** Whether a record that allows a resume is left in the state folder. */
  readonly resumable?: boolean;
  readonly edit?: boolean;
  readonly env?: Record<string, string>;
};

const on = (route: KieRule['route'], fault: KieRule['fault'], extra: NonNullable<Scenario['kie']> = {}): Scenario => ({
  kie: { queuingMs: 20, generatingMs: 60, ...extra, faults: [{ route, on: [1], fault }] },
});

const CASES: readonly Case[] = [
  { name: 'no fault', scenario: { kie: { queuingMs: 20, generatingMs: 60 } }, exit: 0, paid: 1 },
  { name: 'edit: references uploaded first, then one task', scenario: { kie: { queuingMs: 20, generatingMs: 60 } }, exit: 0, paid: 1, edit: true },
  { name: 'create 429 without Retry-After, retried', scenario: on('kie.createTask', { kind: 'status', status: 429 }), exit: 0, paid: 1 },
  { name: 'create 429 with Retry-After, retried', scenario: on('kie.createTask', { kind: 'status', status: 429, retryAfter: 0.2 }), exit: 0, paid: 1 },
  { name: 'create 500, retried', scenario: on('kie.createTask', { kind: 'status', status: 500 }), exit: 0, paid: 1 },
  { name: 'create 502, retried', scenario: on('kie.createTask', { kind: 'status', status: 502 }), exit: 0, paid: 1 },
  { name: 'create 503 in the status line, retried', scenario: on('kie.createTask', { kind: 'status', status: 503 }, { errorsInStatusLine: true }), exit: 0, paid: 1 },
  { name: 'create 401 in a 200 envelope', scenario: on('kie.createTask', { kind: 'status', status: 401 }), exit: 3, kind: 'auth', paid: 0 },
  { name: 'create 401 in the status line', scenario: on('kie.createTask', { kind: 'status', status: 401 }, { errorsInStatusLine: true }), exit: 3, kind: 'auth', paid: 0 },
  { name: 'create 402: not enough credits', scenario: on('kie.createTask', { kind: 'status', status: 402 }), exit: 4, kind: 'insufficient_credits', paid: 0 },
  { name: 'create reset mid-body: not repeated, task id unknown', scenario: on('kie.createTask', { kind: 'resetMidBody' }), exit: 10, kind: 'network', paid: 1 },
  { name: 'poll answers malformed JSON: polls are free, retried', scenario: on('kie.recordInfo', { kind: 'malformedJson' }), exit: 0, paid: 1 },
  { name: 'poll 500: retried', scenario: on('kie.recordInfo', { kind: 'status', status: 500 }), exit: 0, paid: 1 },
  { name: 'task fails with a moderation code', scenario: on('kie.createTask', { kind: 'failModeration', stage: 'input' }), exit: 6, kind: 'content_policy', paid: 1 },
  {
    name: 'task never finishes: deadline, record kept for resume',
    scenario: on('kie.createTask', { kind: 'neverFinish' }),
    exit: 8,
    kind: 'timeout',
    paid: 1,
    resumable: true,
    env: { GPT_IMAGE_TIMEOUT_MS: '800' },
  },
  { name: 'result URL expired', scenario: on('kie.download', { kind: 'expiredResultUrl', afterMs: 0, status: 404 }), exit: 9, kind: 'provider_failure', paid: 1 },
  { name: 'upload fails once: uploads are free, retried', scenario: on('upload.stream', { kind: 'uploadFailure', style: 'status' }), exit: 0, paid: 1, edit: true },
  {
    name: 'upload keeps failing: nothing submitted',
    scenario: { kie: { faults: [{ route: 'upload.stream', fault: { kind: 'uploadFailure', style: 'envelope' } }] } },
    exit: 9,
    kind: 'provider_failure',
    paid: 0,
    edit: true,
  },
];

describe('fault matrix: kie through the CLI against the fake server', () => {
  it.each(CASES)('$name', async ({ scenario, exit, kind, paid, resumable, edit, env }) => {
    server.setScenario(scenario);
    const outDir = await tempFolder('gpt-image-out-');
    const refs = await tempFolder('gpt-image-refs-');
    const args = ['generate', '--provider', 'kie', '--prompt', 'a fox', '--aspect', '16:9', '--json'];
    if (edit) {
      await writeFile(join(refs, 'a.png'), makePng(300, 200));
      await writeFile(join(refs, 'b.png'), makePng(200, 300));
      args[0] = 'edit';
      args.push('--image', join(refs, 'a.png'), '--image', join(refs, 'b.png'));
    }
    const run = await runInProcess(args, {
      KIE_API_KEY: KEY,
      KIE_BASE_URL: server.kieBaseUrl,
      KIE_UPLOAD_BASE_URL: server.uploadBaseUrl,
      KIE_POLL_INTERVAL_MS: '50',
      ...env,
    }, { outDir });
    everything.push(run);
    expect(run.status, run.stdout + run.stderr).toBe(exit);
    expect(server.paidSubmissions('kie')).toBe(paid);
    const written = Object.keys(await filesUnder(run.outDir));
    const records = Object.values(await filesUnder(run.stateDir)).map((text) => JSON.parse(text));
    if (exit === 0) {
      const result = JSON.parse(run.stdout);
      expect(result).toMatchObject({ width: 1280, height: 720, provider: 'kie', cost: { estimated: { amount: 6, unit: 'credits' }, actual: { amount: 6, unit: 'credits', estimate: false } } });
      expect(written.sort()).toEqual([result.path.split('/').pop(), 'gpt-image-manifest.json'].sort());
      expect(records).toEqual([]);
    } else {
      expect(JSON.parse(run.stdout).error.kind).toBe(kind);
      expect(written).toEqual([]);
      if (resumable) expect(records).toEqual([expect.objectContaining({ task: expect.objectContaining({ resumable: true, resume: expect.objectContaining({ taskId: expect.any(String) }) }) })]);
      else expect(records).toEqual([]);
    }
    if (edit && exit === 0) {
      // The uploads that succeeded, in order: the image being edited first.
      const uploads = server.requests.filter((r) => r.route === 'upload.stream' && r.status === 200);
      expect(uploads.map((u) => u.images?.[0]?.width)).toEqual([300, 200]);
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
