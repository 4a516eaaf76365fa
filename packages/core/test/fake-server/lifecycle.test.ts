import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startFakeServer, startFromArgs } from '../../src/fake-server/index';
import { createKieTask, KEY, postJson } from './helpers';

/** How many of each kind of handle keep the process alive, for the kinds a server could leak. */
function handles(): Record<string, number> {
  const counts: Record<string, number> = { TCPServerWrap: 0, TCPSocketWrap: 0, Timeout: 0 };
  for (const kind of process.getActiveResourcesInfo()) if (kind in counts) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('fake server life cycle', () => {
  it('close() ends hanging requests and open streams and leaves no handles behind', async () => {
    const before = handles();
    const server = await startFakeServer({
      scenario: {
        openai: { partialIntervalMs: 60_000 },
        kie: { faults: [{ route: 'kie.createTask', fault: { kind: 'hang', ms: 60_000 } }] },
      },
    });
    const client = new OpenAI({ apiKey: KEY, baseURL: server.openaiBaseUrl, maxRetries: 0 });
    const stream = await client.images.generate({ model: 'gpt-image-2', prompt: 'x', stream: true, partial_images: 2 });
    const streaming = (async () => {
      for await (const event of stream) void event;
    })().catch((e: unknown) => e);
    const hanging = createKieTask(server).catch((e: unknown) => e);
    await until(() => server.requests.length === 2);

    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await hanging).toBeInstanceOf(Error);
    expect(await streaming).toBeInstanceOf(Error);
    await server.close();

    // No more of any kind than before (the runner's own timers may come and go).
    const noneLeft = () => Object.entries(handles()).every(([kind, n]) => n <= (before[kind] ?? 0));
    await until(noneLeft);
    expect(noneLeft(), JSON.stringify({ before, after: handles() })).toBe(true);
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('serves many concurrent requests without warnings, numbering them in arrival order', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    // Each answer waits a little, so all 40 are in flight together.
    const server = await startFakeServer({
      scenario: { kie: { rateLimit: { maxTasks: 100 }, faults: [{ route: 'kie.createTask', fault: { kind: 'hang', ms: 300 } }] } },
    });
    try {
      const answers = await Promise.all(Array.from({ length: 40 }, () => createKieTask(server)));
      const ids = new Set(answers.map((a) => JSON.stringify(a.json['data'])));
      expect(ids.size).toBe(40);
      expect(server.paidSubmissions('kie')).toBe(40);
      expect(server.requests.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    } finally {
      await server.close();
      process.off('warning', onWarning);
    }
    expect(warnings.map((w) => w.message)).toEqual([]);
  });

  it('listens on a given port', async () => {
    const probe = await startFakeServer();
    const port = Number(new URL(probe.url).port);
    await probe.close();
    const server = await startFakeServer({ port });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${port}`);
      expect(server.openaiBaseUrl).toBe(`http://127.0.0.1:${port}/v1`);
      await expect(startFakeServer({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await server.close();
    }
  });

  it('never records a full API key', async () => {
    const server = await startFakeServer();
    try {
      const secret = 'sk-live-SECRET-abcdefghijklmnop';
      await createKieTask(server).then(() => postJson(`${server.kieBaseUrl}/api/v1/jobs/createTask`, {}, secret));
      await postJson(`${server.openaiBaseUrl}/images/generations`, { model: 'gpt-image-2', prompt: 'x' }, 'sk-short');
      const log = JSON.stringify(server.requests);
      expect(log).not.toContain('SECRET');
      expect(log).not.toContain(KEY);
      expect(log).not.toContain('sk-short');
      expect(server.requests.map((r) => r.authorization)).toEqual(['Bearer ****WXYZ', 'Bearer ****mnop', 'Bearer ****']);
      // Not even in the error message of a refused key.
      const refusing = await startFakeServer({ apiKeys: [KEY] });
      try {
        const { json } = await postJson(`${refusing.openaiBaseUrl}/images/generations`, { model: 'gpt-image-2', prompt: 'x' }, secret);
        expect(JSON.stringify(json)).not.toContain('SECRET');
        expect(JSON.stringify(refusing.requests)).not.toContain('SECRET');
      } finally {
        await refusing.close();
      }
    } finally {
      await server.close();
    }
  });

  it('accepts only the configured keys when given', async () => {
    const server = await startFakeServer({ apiKeys: [KEY] });
    try {
      expect((await createKieTask(server)).json['code']).toBe(200);
      const other = await postJson(`${server.kieBaseUrl}/api/v1/jobs/createTask`, { model: 'gpt-image-2-text-to-image', input: { prompt: 'x' } }, 'sk-other-key-123456');
      expect(other.json['code']).toBe(401);
      expect(server.paidSubmissions()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('counts paid submissions per provider, and reset() forgets them', async () => {
    const server = await startFakeServer();
    try {
      const gen = `${server.openaiBaseUrl}/images/generations`;
      await postJson(gen, { model: 'gpt-image-2', prompt: 'one', size: '1024x1024' });
      await postJson(gen, { model: 'gpt-image-2', prompt: 'bad size', size: '10x10' });
      await postJson(gen, { model: 'gpt-image-2', prompt: 'no key' }, null);
      await createKieTask(server);
      await createKieTask(server);
      await createKieTask(server, { resolution: '9K' });
      expect([server.paidSubmissions(), server.paidSubmissions('openai'), server.paidSubmissions('kie')]).toEqual([3, 1, 2]);
      expect(server.requests.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(server.requests[1]?.error).toContain('divisible by 16');
      server.reset();
      expect(server.requests).toHaveLength(0);
      expect(server.paidSubmissions()).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('gpt-image fake-server', () => {
  it('prints the URLs and env vars, serves until stopped, then reports', async () => {
    let out = '';
    const stop = new AbortController();
    const exit = startFromArgs(['--port', '0'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) }, stop: stop.signal });
    await until(() => out.includes('KIE_UPLOAD_BASE_URL='));
    const openaiBase = /OPENAI_BASE_URL=(\S+)/.exec(out)?.[1] ?? '';
    expect(openaiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(out).toMatch(/export KIE_BASE_URL=http:\/\/127\.0\.0\.1:\d+\n/);
    const res = await postJson(`${openaiBase}/images/generations`, { model: 'gpt-image-2', prompt: 'demo', size: '1024x1024' });
    expect(res.status).toBe(200);
    stop.abort();
    expect(await exit).toBe(0);
    expect(out).toContain('stopped after 1 request (1 paid)');
  });

  it('refuses bad arguments and a missing scenario file', async () => {
    let err = '';
    const io = { stdout: { write: () => undefined }, stderr: { write: (t: string) => (err += t) }, stop: AbortSignal.abort() };
    expect(await startFromArgs(['--port', 'abc'], io)).toBe(2);
    expect(await startFromArgs(['--nope'], io)).toBe(2);
    expect(await startFromArgs(['--scenario', '/no/such/scenario.json'], io)).toBe(1);
    expect(err).toContain('--port must be a whole number');
    expect(err).toContain('ENOENT');
  });
});
