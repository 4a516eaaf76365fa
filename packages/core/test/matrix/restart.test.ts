import type { ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../src/fake-server/index';
import { runGptImage } from '../cli/run-gpt-image';
import { spawnGptImage } from '../cli/spawn-gpt-image';
import { tempFolder } from './run-in-process';

const KEY = 'kie-restart-test-key-0123456789';
let server: FakeServer;

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
  // Long enough to stop the first process while the task is still being generated.
  server.setScenario({ kie: { queuingMs: 200, generatingMs: 2_500 } });
});

async function folders() {
  const stateDir = await tempFolder('gpt-image-state-');
  const outDir = await tempFolder('gpt-image-out-');
  const env = { KIE_API_KEY: KEY, KIE_BASE_URL: server.kieBaseUrl, KIE_UPLOAD_BASE_URL: server.uploadBaseUrl, GPT_IMAGE_STATE_DIR: stateDir, KIE_POLL_INTERVAL_MS: '200' };
  return { stateDir, outDir, env };
}

/** Waits until the task record holds the provider's task id: from then on the task is paid for. */
async function acceptedRecord(stateDir: string): Promise<{ task: { id: string; resume: { taskId: string } } }> {
  for (let i = 0; i < 200; i++) {
    const names = await readdir(join(stateDir, 'tasks')).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const stored = JSON.parse(await readFile(join(stateDir, 'tasks', name), 'utf8'));
      if (stored.task?.resume?.taskId) return stored;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the task was never accepted');
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? -1 : null))));

describe('a task survives its process', () => {
  it('killed while the task runs, a new process resumes it: one submission, one image', async () => {
    const { stateDir, outDir, env } = await folders();
    const child = spawnGptImage(['generate', '--provider', 'kie', '--prompt', 'a lighthouse', '--aspect', '16:9', '--json'], outDir, env);
    const stored = await acceptedRecord(stateDir);
    child.kill('SIGKILL');
    await exited(child);
    expect((await readdir(outDir)).filter((f) => f.endsWith('.png'))).toEqual([]);

    const resumed = await runGptImage(['resume', '--all', '--json'], outDir, env);
    expect(resumed.status, resumed.stderr).toBe(0);
    const result = JSON.parse(resumed.stdout);
    expect(result).toMatchObject({ width: 1280, height: 720, provider: 'kie', taskId: stored.task.resume.taskId, cost: { actual: { amount: 6, unit: 'credits' } } });
    expect(server.paidSubmissions('kie')).toBe(1);
    const manifest = JSON.parse(await readFile(join(outDir, 'gpt-image-manifest.json'), 'utf8'));
    expect(manifest.entries.map((e: { taskId: string }) => e.taskId)).toEqual([stored.task.resume.taskId]);
    expect(await readdir(join(stateDir, 'tasks'))).toEqual([]);
  });

  it('Ctrl-C keeps the task resumable; resume gives the image with no second submission', async () => {
    const { stateDir, outDir, env } = await folders();
    const child = spawnGptImage(['generate', '--provider', 'kie', '--prompt', 'a lighthouse', '--aspect', '16:9'], outDir, env);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const stored = await acceptedRecord(stateDir);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(130);
    expect(stderr).toContain(`gpt-image resume ${stored.task.id}`);

    const listed = await runGptImage(['resume', '--json'], outDir, env);
    expect(JSON.parse(listed.stdout).map((t: { id: string }) => t.id)).toEqual([stored.task.id]);
    const resumed = await runGptImage(['resume', stored.task.id], outDir, env);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/^Saved .*a-lighthouse-[0-9a-f]{6}\.png/);
    expect(server.paidSubmissions('kie')).toBe(1);
  });
});
