/**
 * The fake server in a process of its own, for benchmarks: its rendering and the garbage it makes
 * (a 4K placeholder allocates tens of megabytes) must not land in the measured process's time or
 * memory. The child stops when its stdin closes, so it never outlives the benchmark.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FakeServerOptions } from '../src/fake-server/index';

/** A fake server running in a child process. */
export interface FakeServerProcess {
  readonly openaiBaseUrl: string;
  close(): Promise<void>;
}

const CHILD_SCRIPT = `
const [moduleUrl, optionsJson] = process.argv.slice(-2);
const { startFakeServer } = await import(moduleUrl);
const server = await startFakeServer(JSON.parse(optionsJson));
process.stdout.write(JSON.stringify({ openaiBaseUrl: server.openaiBaseUrl }) + '\\n');
process.stdin.on('end', () => server.close().then(() => process.exit(0)));
process.stdin.resume();
`;

/** Starts the server with JSON-able options and resolves once it listens. */
export async function startFakeServerProcess(options: Omit<FakeServerOptions, 'clock'>): Promise<FakeServerProcess> {
  const packageDir = fileURLToPath(new URL('..', import.meta.url));
  const moduleUrl = pathToFileURL(fileURLToPath(new URL('../src/fake-server/index.ts', import.meta.url))).href;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD_SCRIPT, moduleUrl, JSON.stringify(options)], {
    cwd: packageDir,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const openaiBaseUrl = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (piece: string) => {
      text += piece;
      const line = text.split('\n')[0];
      if (text.includes('\n') && line) {
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed === 'object' && parsed !== null && 'openaiBaseUrl' in parsed && typeof parsed.openaiBaseUrl === 'string') resolve(parsed.openaiBaseUrl);
        else reject(new Error(`unexpected fake server output: ${line}`));
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the fake server process exited early (${code})`)));
  });
  return {
    openaiBaseUrl,
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
