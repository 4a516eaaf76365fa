import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/node/index';
import { tempDir } from './temp-dir';

const FIXTURE = fileURLToPath(new URL('./fixtures/record-many.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the fixture in its own Node process; resolves with its exit code and stderr. */
function runWorker(dir: string, worker: number, count: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dir, String(worker), String(count)], {
      cwd: PACKAGE_DIR,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', rejectRun);
    child.on('close', (code) => resolveRun({ code, stderr }));
  });
}

describe('recordInManifest across processes', () => {
  it('keeps every entry when 4 processes each record 10 at once', async () => {
    const dir = await tempDir();
    const results = await Promise.all([0, 1, 2, 3].map((worker) => runWorker(dir, worker, 10)));
    for (const result of results) expect(result).toEqual({ code: 0, stderr: '' });

    const manifest = await readManifest(dir);
    expect(manifest.entries).toHaveLength(40);
    const expected = [0, 1, 2, 3].flatMap((w) => Array.from({ length: 10 }, (_, i) => `w${w}-${i}.png`));
    expect(manifest.entries.map((e) => e.file).sort()).toEqual(expected.sort());
    // No lock, temporary or moved-aside file remains: only the manifest.
    expect(await readdir(dir)).toEqual(['gpt-image-manifest.json']);
  }, 60_000);
});
