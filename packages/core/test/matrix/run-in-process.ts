import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';

/** One CLI run in this process, with its own folders, as a user's shell would give it. */
export interface InProcessRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outDir: string;
  readonly stateDir: string;
}

export async function tempFolder(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Runs `gpt-image ARGS` with the given environment; output and state go to fresh folders. */
export async function runInProcess(args: readonly string[], env: Record<string, string>, folders?: { outDir?: string; stateDir?: string }): Promise<InProcessRun> {
  const outDir = folders?.outDir ?? (await tempFolder('gpt-image-out-'));
  const stateDir = folders?.stateDir ?? (await tempFolder('gpt-image-state-'));
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, {
    cwd: outDir,
    env: { ...env, GPT_IMAGE_STATE_DIR: stateDir },
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    ask: null,
  });
  return { status, stdout, stderr, outDir, stateDir };
}

/** Every file under a folder with its text, for "nothing was written" and secret scans. */
export async function filesUnder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    out[path.slice(dir.length + 1)] = await readFile(path, 'latin1');
  }
  return out;
}
